// The stable order in which never-seen questions are introduced: one topic after another
// (round-robin over the nine exam topics), easiest first within each topic, bank order on ties.
// Every learner meets the same sequence, so progress is comparable and tests are predictable.
import { EXAM_TOPICS } from "../content/lesson-schema";
import type { QuestionCatalog } from "../content/questions";

const cache = new WeakMap<QuestionCatalog, readonly string[]>();

export function newCardOrder(catalog: QuestionCatalog): readonly string[] {
  const cached = cache.get(catalog);
  if (cached) return cached;
  // Array.prototype.sort is stable, so equal difficulties keep bank order.
  const lanes = EXAM_TOPICS.map((topic) => [...(catalog.byTopic.get(topic) ?? [])].sort((a, b) => a.difficulty - b.difficulty));
  const order: string[] = [];
  const longest = Math.max(0, ...lanes.map((lane) => lane.length));
  for (let i = 0; i < longest; i++) {
    for (const lane of lanes) {
      const question = lane[i];
      if (question) order.push(question.id);
    }
  }
  cache.set(catalog, order);
  return order;
}
