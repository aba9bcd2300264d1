// The mock-exam blueprint: what share of an exam each topic gets, and the two exam formats.
// The weights are Dockyard's own (ECR has no exam of its own; its questions appear inside the
// AWS associate exams), chosen from how often the notes' §8 says each topic is asked. Readiness
// (lib/learn/stats) projects the same blueprint, so a mock exam and the prediction agree.
import { z } from "zod";
import { EXAM_TOPICS, type ExamTopic } from "../content/lesson-schema";

/** Percent of the exam per topic; sums to 100 (checked by a unit test). */
export const TOPIC_WEIGHTS: Readonly<Record<ExamTopic, number>> = {
  "what-ecr-provides": 10,
  "private-registry": 14,
  "public-registry": 8,
  "docker-support": 12,
  "image-scanning": 12,
  "access-control": 16,
  "lifecycle-policies": 12,
  pricing: 6,
  "related-services": 10,
};

export const EXAM_KINDS = ["full", "short"] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
export const ExamKindSchema = z.enum(EXAM_KINDS);

export type ExamFormat = { questionCount: number; durationMinutes: number; passPercent: number };

/**
 * "full" mirrors an AWS associate exam's 65 questions in 130 minutes and its 720/1000 pass mark;
 * "short" keeps the same two minutes per question for 20 questions.
 */
export const EXAM_FORMATS: Readonly<Record<ExamKind, ExamFormat>> = {
  full: { questionCount: 65, durationMinutes: 130, passPercent: 72 },
  short: { questionCount: 20, durationMinutes: 40, passPercent: 72 },
};

/** What a learner may change when starting an exam (the format's values are the defaults). */
export const ExamOptionsSchema = z.strictObject({
  kind: ExamKindSchema,
  questionCount: z.coerce.number().int().min(5).max(100).optional(),
  durationMinutes: z.coerce.number().int().min(5).max(240).optional(),
  passPercent: z.coerce.number().int().min(50).max(100).optional(),
});
export type ExamOptions = z.infer<typeof ExamOptionsSchema>;

/**
 * Questions per topic for an exam of `count` questions: largest-remainder rounding of the
 * weights, ties broken by topic order, so the counts always sum to `count`.
 */
export function topicAllocation(count: number, weights: Readonly<Record<ExamTopic, number>> = TOPIC_WEIGHTS): Record<ExamTopic, number> {
  const total = EXAM_TOPICS.reduce((sum, topic) => sum + weights[topic], 0);
  const exact = EXAM_TOPICS.map((topic) => ({ topic, share: (count * weights[topic]) / total }));
  const result = Object.fromEntries(exact.map(({ topic, share }) => [topic, Math.floor(share)])) as Record<ExamTopic, number>;
  let left = count - Object.values(result).reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)));
  for (const { topic } of byRemainder) {
    if (left <= 0) break;
    result[topic] += 1;
    left -= 1;
  }
  return result;
}
