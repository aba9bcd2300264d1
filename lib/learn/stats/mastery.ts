// Per-topic knowledge from the learner's cards: mastery now (mean retrievability, unseen = 0) and
// the chance of answering right on the exam date (mean projected retrievability, unseen = the
// chance of guessing), over every question of the topic in the bank.
import { EXAM_TOPICS, type ExamTopic } from "../../content/lesson-schema";
import type { QuestionCatalog } from "../../content/questions";
import { retrievabilityAt, type CardState } from "../scheduler";
import { chanceLevel } from "./readiness";

export type TopicMastery = { topic: ExamTopic; total: number; seen: number; mastery: number };

function meanOver(ids: readonly string[], value: (id: string) => number): number {
  return ids.length ? ids.reduce((sum, id) => sum + value(id), 0) / ids.length : 0;
}

export function topicMastery(questions: QuestionCatalog, cards: ReadonlyMap<string, CardState>, now: Date): TopicMastery[] {
  return EXAM_TOPICS.map((topic) => {
    const ids = (questions.byTopic.get(topic) ?? []).map((q) => q.id);
    return {
      topic,
      total: ids.length,
      seen: ids.filter((id) => cards.has(id)).length,
      mastery: meanOver(ids, (id) => {
        const card = cards.get(id);
        return card ? retrievabilityAt(card, now) : 0;
      }),
    };
  });
}

export function topicChanceOn(questions: QuestionCatalog, cards: ReadonlyMap<string, CardState>, at: Date): Record<ExamTopic, number> {
  return Object.fromEntries(
    EXAM_TOPICS.map((topic) => {
      const list = questions.byTopic.get(topic) ?? [];
      const p = meanOver(
        list.map((q) => q.id),
        (id) => {
          const card = cards.get(id);
          return card && card.state !== 0 ? retrievabilityAt(card, at) : chanceLevel(questions.byId.get(id)!);
        },
      );
      return [topic, p];
    }),
  ) as Record<ExamTopic, number>;
}
