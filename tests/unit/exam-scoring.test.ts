// Mock-exam arithmetic: the blueprint's allocation, fitting it to a small bank, drawing by topic,
// and scoring (all-or-nothing, unanswered is wrong, pass mark as a share of all questions).
import { describe, expect, it } from "vitest";
import { EXAM_TOPICS, type ExamTopic } from "@/lib/content/lesson-schema";
import { buildQuestionCatalog, getQuestionCatalog } from "@/lib/content/questions";
import { EXAM_FORMATS, TOPIC_WEIGHTS, topicAllocation } from "@/lib/learn/blueprint";
import { drawExamQuestions, fitAllocation } from "@/lib/learn/exam/draw";
import { neededToPass, scoreExam } from "@/lib/learn/exam/score";
import { gradeAnswer } from "@/lib/learn/grade";

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const all = (n: number) => Object.fromEntries(EXAM_TOPICS.map((t) => [t, n])) as Record<ExamTopic, number>;

describe("blueprint", () => {
  it("weights sum to 100 and cover every topic", () => {
    expect(sum(TOPIC_WEIGHTS)).toBe(100);
    expect(Object.keys(TOPIC_WEIGHTS).sort()).toEqual([...EXAM_TOPICS].sort());
  });

  it("allocates by largest remainder, summing to the count", () => {
    expect(topicAllocation(65)).toEqual({
      "what-ecr-provides": 7, // 6.5
      "private-registry": 9, // 9.1
      "public-registry": 5, // 5.2
      "docker-support": 8, // 7.8
      "image-scanning": 8, // 7.8
      "access-control": 10, // 10.4
      "lifecycle-policies": 8, // 7.8
      pricing: 4, // 3.9
      "related-services": 6, // 6.5 (tie with what-ecr-provides; no seat left after it)
    });
    for (let n = 1; n <= 120; n++) expect(sum(topicAllocation(n))).toBe(n);
  });

  it("gives a small topic's shortfall to topics that still have questions", () => {
    const fitted = fitAllocation(20, { ...all(18), "access-control": 1, pricing: 0 });
    expect(fitted["access-control"]).toBe(1);
    expect(fitted.pricing).toBe(0);
    expect(sum(fitted)).toBe(20);
    expect(sum(fitAllocation(500, all(3)))).toBe(27); // never more than the bank holds
  });

  it("draws each question once, in the blueprint's proportions, mixed across topics", () => {
    const bank = getQuestionCatalog();
    const ids = drawExamQuestions(bank, EXAM_FORMATS.full.questionCount);
    expect(ids).toHaveLength(65);
    expect(new Set(ids).size).toBe(65);
    const perTopic = Object.fromEntries(EXAM_TOPICS.map((t) => [t, ids.filter((id) => bank.byId.get(id)!.topic === t).length]));
    expect(perTopic).toEqual(topicAllocation(65));
    // Drawn at random: two exams almost never share their order (1 in 65! chance).
    expect(drawExamQuestions(bank, 65)).not.toEqual(ids);
    expect(drawExamQuestions(buildQuestionCatalog([]), 20)).toEqual([]);
  });
});

describe("scoreExam", () => {
  it("counts per topic and decides pass against the rounded-up share", () => {
    const items = [
      ...Array.from({ length: 14 }, () => ({ topic: "pricing" as const, correct: true })),
      ...Array.from({ length: 6 }, () => ({ topic: "access-control" as const, correct: false })),
    ];
    const score = scoreExam(items, 72);
    expect(score).toMatchObject({ correct: 14, total: 20, percent: 70, needed: 15, passed: false });
    expect(score.byTopic).toEqual([
      { topic: "access-control", correct: 0, total: 6, percent: 0 },
      { topic: "pricing", correct: 14, total: 14, percent: 100 },
    ]);
    expect(scoreExam([...items.slice(0, 15).map((i) => ({ ...i, correct: true })), ...items.slice(15)], 72).passed).toBe(true);
  });

  it("never rounds a fail up to the pass mark", () => {
    expect(neededToPass(65, 72)).toBe(47); // 46.8
    const items = Array.from({ length: 65 }, (_, i) => ({ topic: "pricing" as const, correct: i < 46 }));
    expect(scoreExam(items, 72)).toMatchObject({ percent: 70, passed: false });
    expect(scoreExam([], 72)).toMatchObject({ total: 0, percent: 0, passed: false });
  });

  it("grades multiple response all-or-nothing and ordering by exact sequence", () => {
    const multi = { type: "multiple" as const, answer: ["a", "c"] };
    expect(gradeAnswer(multi, ["c", "a"]).correct).toBe(true);
    expect(gradeAnswer(multi, ["a"])).toEqual({ correct: false, partial: true });
    expect(gradeAnswer(multi, ["a", "b"])).toEqual({ correct: false, partial: true });
    const order = { type: "ordering" as const, answer: ["b", "a", "c"] };
    expect(gradeAnswer(order, ["b", "a", "c"]).correct).toBe(true);
    expect(gradeAnswer(order, ["a", "b", "c"]).correct).toBe(false);
  });
});
