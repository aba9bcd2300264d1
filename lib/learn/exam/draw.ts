// Which questions a mock exam asks: per topic as many as the blueprint allocates, drawn at random
// within the topic, then mixed across topics as a real exam is. A topic with too few questions
// gives its shortfall to the topics that still have some, in blueprint order.
import { EXAM_TOPICS, type ExamTopic } from "../../content/lesson-schema";
import type { QuestionCatalog } from "../../content/questions";
import { topicAllocation } from "../blueprint";
import { cryptoRandomInt, shuffle, type RandomInt } from "../shuffle";

/** Per-topic counts that fit the bank: never more than a topic has, summing to min(count, bank). */
export function fitAllocation(count: number, available: Readonly<Record<ExamTopic, number>>): Record<ExamTopic, number> {
  const wanted = topicAllocation(count);
  const result = Object.fromEntries(EXAM_TOPICS.map((t) => [t, Math.min(wanted[t], available[t])])) as Record<ExamTopic, number>;
  let shortfall = Math.min(count, EXAM_TOPICS.reduce((s, t) => s + available[t], 0)) - EXAM_TOPICS.reduce((s, t) => s + result[t], 0);
  while (shortfall > 0) {
    for (const topic of EXAM_TOPICS) {
      if (shortfall > 0 && result[topic] < available[topic]) {
        result[topic] += 1;
        shortfall -= 1;
      }
    }
  }
  return result;
}

/** Question ids in the order the exam presents them. */
export function drawExamQuestions(questions: QuestionCatalog, count: number, random: RandomInt = cryptoRandomInt): string[] {
  const available = Object.fromEntries(EXAM_TOPICS.map((t) => [t, questions.byTopic.get(t)?.length ?? 0])) as Record<ExamTopic, number>;
  const allocation = fitAllocation(count, available);
  const drawn = EXAM_TOPICS.flatMap((topic) => shuffle((questions.byTopic.get(topic) ?? []).map((q) => q.id), random).slice(0, allocation[topic]));
  return shuffle(drawn, random);
}
