// Exam scoring: all-or-nothing per question (lib/learn/grade.ts), unanswered counts as wrong, and
// the pass mark is a share of all questions, as on the real exam.
import { EXAM_TOPICS, type ExamTopic } from "../../content/lesson-schema";

export type ScoredItem = { topic: ExamTopic; correct: boolean };

export type TopicScore = { topic: ExamTopic; correct: number; total: number; percent: number };

export type ExamScore = {
  correct: number;
  total: number;
  /** Rounded down, so 71.9 % never shows as a passing 72 %. */
  percent: number;
  /** Correct answers needed to pass. */
  needed: number;
  passed: boolean;
  /** Topics that had questions, in blueprint order. */
  byTopic: TopicScore[];
};

export function neededToPass(total: number, passPercent: number): number {
  return Math.ceil((total * passPercent) / 100);
}

function percentOf(correct: number, total: number): number {
  return total === 0 ? 0 : Math.floor((correct * 100) / total);
}

export function scoreExam(items: readonly ScoredItem[], passPercent: number): ExamScore {
  const correct = items.filter((i) => i.correct).length;
  const needed = neededToPass(items.length, passPercent);
  const byTopic = EXAM_TOPICS.flatMap((topic) => {
    const mine = items.filter((i) => i.topic === topic);
    if (mine.length === 0) return [];
    const right = mine.filter((i) => i.correct).length;
    return [{ topic, correct: right, total: mine.length, percent: percentOf(right, mine.length) }];
  });
  return { correct, total: items.length, percent: percentOf(correct, items.length), needed, passed: items.length > 0 && correct >= needed, byTopic };
}
