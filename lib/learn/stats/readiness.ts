// Exam readiness: the probability of passing a full-length mock exam on the exam date. Each
// question's chance of a right answer is its card's retrievability projected to that date (for a
// question never answered, the chance of guessing it); a topic's questions are drawn at random,
// so each counts with the topic's mean; the blueprint decides how many come from each topic.
import { EXAM_TOPICS, type ExamTopic } from "../../content/lesson-schema";
import type { Question } from "../../content/question-schema";
import { EXAM_FORMATS, topicAllocation, type ExamFormat } from "../blueprint";
import { neededToPass } from "../exam/score";
import { probabilityAtLeast } from "./poisson-binomial";

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/** The chance of a right answer by pure guessing: one in the number of possible answers. */
export function chanceLevel(question: Pick<Question, "type" | "options" | "answer">): number {
  const n = question.options.length;
  if (question.type === "ordering") return 1 / factorial(n);
  return 1 / binomial(n, question.answer.length);
}

export type TopicReadiness = { topic: ExamTopic; questions: number; p: number };

export type Readiness = {
  /** P(pass) on a full-length exam. */
  probability: number;
  expectedScore: number;
  needed: number;
  questionCount: number;
  topics: TopicReadiness[];
};

export function examReadiness(topicP: Readonly<Record<ExamTopic, number>>, format: ExamFormat = EXAM_FORMATS.full): Readiness {
  const allocation = topicAllocation(format.questionCount);
  const topics = EXAM_TOPICS.map((topic) => ({ topic, questions: allocation[topic], p: topicP[topic] }));
  const ps = topics.flatMap((t) => new Array<number>(t.questions).fill(t.p));
  const needed = neededToPass(format.questionCount, format.passPercent);
  return {
    probability: probabilityAtLeast(ps, needed),
    expectedScore: ps.reduce((a, b) => a + b, 0),
    needed,
    questionCount: format.questionCount,
    topics,
  };
}

/** Words for a probability, so a number is never read alone. */
export function readinessBand(probability: number): "veryLikely" | "likely" | "uncertain" | "unlikely" {
  if (probability >= 0.9) return "veryLikely";
  if (probability >= 0.7) return "likely";
  if (probability >= 0.4) return "uncertain";
  return "unlikely";
}
