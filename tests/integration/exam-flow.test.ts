// Mock exams through lib/learn/exam: the draw is fixed at the start, answers and flags are saved as
// the learner goes, tampered or late requests change nothing, submission grades once (even when
// two tabs race) and feeds every answered question to the scheduler, and the deadline submits.
import { afterAll, describe, expect, it } from "vitest";
import { createGuest } from "@/lib/auth/users";
import { isDomainError } from "@/lib/core/errors";
import { getQuestionCatalog } from "@/lib/content/questions";
import { topicAllocation } from "@/lib/learn/blueprint";
import { flagExamItem, saveExamAnswer } from "@/lib/learn/exam/answers";
import { SAVE_GRACE_MS } from "@/lib/learn/exam/exam-input";
import { runningExam } from "@/lib/learn/exam/exam-store";
import { startExam } from "@/lib/learn/exam/start";
import { submitExam } from "@/lib/learn/exam/submit";
import { listExams, loadExamPlayer, loadExamResult, type PlayerItem } from "@/lib/learn/exam/views";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-03-02T09:00:00Z");
const { clock } = env;
const questions = getQuestionCatalog();
const rd: ReviewDeps = { ...env.deps, questions };
afterAll(() => env.cleanup());

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return isDomainError(error) ? `${error.code}:${String(error.details.reason)}` : String(error);
  }
}

async function running(userId: string, examId: string): Promise<PlayerItem[]> {
  const view = await loadExamPlayer(rd, userId, examId, "en");
  if (view.kind !== "running") throw new Error("expected a running exam");
  return view.items;
}

function rightAnswer(item: PlayerItem): string[] {
  return questions.byId.get(item.question.questionId)!.answer;
}

function wrongAnswer(item: PlayerItem): string[] {
  const q = questions.byId.get(item.question.questionId)!;
  if (q.type === "ordering") return [...q.answer].reverse();
  const wrong = q.options.map((o) => o.key).filter((k) => !q.answer.includes(k));
  return wrong.slice(0, q.answer.length);
}

async function save(userId: string, examId: string, item: PlayerItem, chosen: string[]) {
  return saveExamAnswer(rd, userId, { examId, position: item.position, questionId: item.question.questionId, chosen, timeSpentMs: 4000 });
}

describe("mock exams", () => {
  it("starts a short exam drawn by the blueprint, once at a time, and resumes the same draw", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const exam = await startExam(rd, userId, { kind: "short" });
    expect(exam).toMatchObject({ questionCount: 20, durationSec: 40 * 60, passPercent: 72 });
    const items = await running(userId, exam.id);
    expect(items.map((i) => i.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const perTopic: Record<string, number> = {};
    for (const i of items) perTopic[i.question.topic] = (perTopic[i.question.topic] ?? 0) + 1;
    expect(perTopic).toEqual(Object.fromEntries(Object.entries(topicAllocation(20)).filter(([, n]) => n > 0)));
    expect(items.every((i) => i.chosen.length === 0 && !i.flagged)).toBe(true);

    expect(await failure(startExam(rd, userId, { kind: "full" }))).toBe("Conflict:exam.alreadyRunning");
    // A reload shows the very same questions in the very same option order.
    expect(await running(userId, exam.id)).toEqual(items);
    expect((await runningExam(rd, userId))?.id).toBe(exam.id);
  });

  it("validates the options a learner may change", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    expect(await failure(startExam(rd, userId, { kind: "marathon" }))).toBe("InvalidInput:exam.inputMalformed");
    expect(await failure(startExam(rd, userId, { kind: "short", questionCount: 2 }))).toBe("InvalidInput:exam.inputMalformed");
    expect(await failure(startExam(rd, userId, { kind: "short", passPercent: 101 }))).toBe("InvalidInput:exam.inputMalformed");
    const custom = await startExam(rd, userId, { kind: "short", questionCount: "10", durationMinutes: "15", passPercent: "80" });
    expect(custom).toMatchObject({ questionCount: 10, durationSec: 900, passPercent: 80 });
    // A custom count alone keeps the format's two minutes per question.
    await submitExam(rd, userId, custom.id);
    expect(await startExam(rd, userId, { kind: "full", questionCount: "30" })).toMatchObject({ questionCount: 30, durationSec: 60 * 60, passPercent: 72 });
  });

  it("saves answers and flags, refuses tampering, grades on submission and feeds the scheduler", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const { id: otherId } = await createGuest(rd, "ja");
    const exam = await startExam(rd, userId, { kind: "short" });
    const items = await running(userId, exam.id);
    const [first, second, third] = items as [PlayerItem, PlayerItem, PlayerItem];

    await save(userId, exam.id, first, rightAnswer(first));
    await save(userId, exam.id, second, wrongAnswer(second));
    await save(userId, exam.id, third, rightAnswer(third));
    await flagExamItem(rd, userId, { examId: exam.id, position: third.position, questionId: third.question.questionId, flagged: true });
    // Changing one's mind and clearing are allowed while the exam runs.
    await save(userId, exam.id, second, []);
    await save(userId, exam.id, second, wrongAnswer(second));

    const before = await rd.db.mockExamItem.findMany({ where: { examId: exam.id }, orderBy: { position: "asc" } });
    const tampered = [
      failure(saveExamAnswer(rd, userId, { examId: exam.id, position: first.position, questionId: first.question.questionId, chosen: ["zz"], timeSpentMs: 1 })),
      failure(saveExamAnswer(rd, userId, { examId: exam.id, position: first.position, questionId: second.question.questionId, chosen: [], timeSpentMs: 1 })),
      failure(saveExamAnswer(rd, userId, { examId: exam.id, position: 99, questionId: first.question.questionId, chosen: [], timeSpentMs: 1 })),
      failure(saveExamAnswer(rd, otherId, { examId: exam.id, position: first.position, questionId: first.question.questionId, chosen: [], timeSpentMs: 1 })),
      failure(saveExamAnswer(rd, userId, { examId: exam.id, position: first.position, questionId: first.question.questionId, chosen: ["a", "a"], timeSpentMs: 1 })),
      failure(saveExamAnswer(rd, userId, { examId: exam.id, position: "1", questionId: first.question.questionId, chosen: [], timeSpentMs: 1 })),
      failure(flagExamItem(rd, otherId, { examId: exam.id, position: 1, questionId: first.question.questionId, flagged: true })),
    ];
    expect(await Promise.all(tampered)).toEqual([
      "InvalidInput:review.unknownOption",
      "NotFound:exam.questionUnknown",
      "NotFound:exam.questionUnknown",
      "NotFound:exam.unknown",
      "InvalidInput:review.duplicateOption",
      "InvalidInput:exam.inputMalformed",
      "NotFound:exam.unknown",
    ]);
    expect(await rd.db.mockExamItem.findMany({ where: { examId: exam.id }, orderBy: { position: "asc" } })).toEqual(before);
    expect(await rd.db.reviewCard.count({ where: { userId } })).toBe(0); // nothing scheduled before submission

    clock.advance(10 * 60_000);
    // Two tabs submit at once: graded and scheduled exactly once.
    const outcomes = await Promise.all([submitExam(rd, userId, exam.id), submitExam(rd, userId, exam.id)]);
    expect(outcomes.map((o) => o.alreadySubmitted).sort()).toEqual([false, true]);

    const result = await loadExamResult(rd, userId, exam.id, "ja");
    expect(result?.exam.endReason).toBe("submitted");
    expect(result?.score).toMatchObject({ correct: 2, total: 20, needed: 15, passed: false });
    expect(result?.items[0]).toMatchObject({ answered: true, correct: true, flagged: false });
    expect(result?.items[1]).toMatchObject({ answered: true, correct: false });
    expect(result?.items[2]).toMatchObject({ answered: true, correct: true, flagged: true });
    expect(result?.items[3]).toMatchObject({ answered: false, correct: false });
    expect(result?.items[0]?.options.every((o) => o.why.length > 0)).toBe(true);

    const logs = await rd.db.reviewLog.findMany({ where: { userId }, orderBy: { questionId: "asc" } });
    expect(logs).toHaveLength(3); // unanswered questions are not reviews
    const byQuestion = new Map(logs.map((l) => [l.questionId, l]));
    expect(byQuestion.get(first.question.questionId)).toMatchObject({ mode: "exam", sessionId: exam.id, correct: true, rating: 3, confidence: "sure", durationMs: 4000 });
    expect(byQuestion.get(second.question.questionId)).toMatchObject({ correct: false, rating: 1, durationMs: 12000 });
    expect(byQuestion.get(third.question.questionId)).toMatchObject({ correct: true, rating: 2, confidence: "unsure" });
    expect(await rd.db.reviewCard.count({ where: { userId } })).toBe(3);

    // After submission nothing changes any more.
    expect(await failure(save(userId, exam.id, first, wrongAnswer(first)))).toBe("Conflict:exam.alreadySubmitted");
    expect(await rd.db.reviewLog.count({ where: { userId } })).toBe(3);
    expect((await loadExamPlayer(rd, userId, exam.id, "en")).kind).toBe("ended");
    expect(await loadExamResult(rd, otherId, exam.id, "en").catch((e: unknown) => (isDomainError(e) ? e.code : e))).toBe("NotFound");

    const history = await listExams(rd, userId);
    expect(history[0]).toMatchObject({ id: exam.id, running: false, correct: 2, total: 20, percent: 10, passed: false });
  });

  it("submits by itself at the deadline and refuses later saves", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const exam = await startExam(rd, userId, { kind: "short", questionCount: 5, durationMinutes: 5 });
    const [first, second] = (await running(userId, exam.id)) as [PlayerItem, PlayerItem];
    await save(userId, exam.id, first, rightAnswer(first));

    clock.advance(5 * 60_000 + SAVE_GRACE_MS / 2); // a save still in flight at 00:00 counts
    await save(userId, exam.id, second, rightAnswer(second));
    clock.advance(SAVE_GRACE_MS);
    expect(await failure(save(userId, exam.id, second, wrongAnswer(second)))).toBe("Conflict:exam.timeUp");

    const result = await loadExamResult(rd, userId, exam.id, "en");
    expect(result?.exam.endReason).toBe("timeout");
    expect(result?.score).toMatchObject({ correct: 2, total: 5 });
    expect(await rd.db.reviewLog.count({ where: { userId, mode: "exam" } })).toBe(2);
    expect(await runningExam(rd, userId)).toBeNull();
  });

  it("submits an abandoned exam when the learner comes back after the deadline", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const exam = await startExam(rd, userId, { kind: "short", questionCount: 5, durationMinutes: 5 });
    clock.advance(60 * 60_000);
    const next = await startExam(rd, userId, { kind: "short" });
    expect(next.id).not.toBe(exam.id);
    const old = await rd.db.mockExam.findUniqueOrThrow({ where: { id: exam.id } });
    expect(old).toMatchObject({ endReason: "timeout", correctCount: 0 });
  });
});
