// Answering: what is stored (card, log, showing), that a showing applies once even when two tabs
// answer it at the same time, that tampered answers change nothing, and the CSV/JSON export.
import { afterAll, describe, expect, it } from "vitest";
import { createGuest } from "@/lib/auth/users";
import { isDomainError } from "@/lib/core/errors";
import { getQuestionCatalog } from "@/lib/content/questions";
import type { ExamTopic } from "@/lib/content/lesson-schema";
import { answerShowing } from "@/lib/learn/answer";
import { CSV_COLUMNS, csvChunks, jsonChunks } from "@/lib/learn/export";
import { presentFeedback } from "@/lib/learn/present";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { loadReview } from "@/lib/learn/review-flow";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-01-15T09:00:00Z");
const { clock } = env;
const questions = getQuestionCatalog();
const rd: ReviewDeps = { ...env.deps, questions };
afterAll(() => env.cleanup());

async function showing(userId: string, topic: ExamTopic | null = null) {
  const view = await loadReview(rd, userId, topic ? { mode: "drill", topic } : { mode: "review", topic: null });
  if (view.kind !== "question") throw new Error("expected a question");
  return view;
}

async function state(userId: string) {
  const [cards, logs, pending] = await Promise.all([
    rd.db.reviewCard.findMany({ where: { userId }, orderBy: { questionId: "asc" } }),
    rd.db.reviewLog.count({ where: { userId } }),
    rd.db.reviewShowing.count({ where: { userId, answeredAt: null } }),
  ]);
  return { cards, logs, pending };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return isDomainError(error) ? `${error.code}:${String(error.details.reason)}` : String(error);
  }
}

describe("answerShowing", () => {
  it("stores the card, marks the showing answered and logs everything about the review", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const view = await showing(userId);
    const q = view.question;
    const outcome = await answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: q.answer, confidence: "sure", durationMs: 5321 });
    expect(outcome).toMatchObject({ correct: true, partial: false, rating: "good", alreadyAnswered: false, chosen: q.answer });
    expect(outcome.nextDue.toISOString()).toBe("2026-01-15T09:10:00.000Z");
    const card = await rd.db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId: q.id } } });
    expect(card).toMatchObject({ state: 1, reps: 1, lapses: 0, introducedAt: clock.now() });
    const shown = await rd.db.reviewShowing.findUniqueOrThrow({ where: { id: view.showingId } });
    expect(shown.answeredAt).toEqual(clock.now());
    const log = await rd.db.reviewLog.findUniqueOrThrow({ where: { showingId: view.showingId } });
    expect(log).toMatchObject({ userId, questionId: q.id, mode: "review", sessionId: view.sessionId, chosen: q.answer.join(","), correct: true, rating: 3, confidence: "sure", durationMs: 5321, stateBefore: 0, stateAfter: 1, dueBefore: null, cardBefore: null });
    expect(JSON.parse(log.cardAfter)).toMatchObject({ state: 1, reps: 1, due: "2026-01-15T09:10:00.000Z" });

    const feedback = presentFeedback(outcome, "ja", clock.now(), "Asia/Tokyo");
    expect(feedback.options.map((o) => o.why)).toEqual(view.optionOrder.map((k) => q.options.find((o) => o.key === k)!.ja.why));
    expect(feedback.options.filter((o) => o.isAnswer).map((o) => o.key).sort()).toEqual([...q.answer].sort());
    expect(feedback.lessonHref).toBe(`/ja/lessons/${q.lesson}`);
    expect(feedback.explanation).toBe(q.ja.explanation);
    expect(feedback.nextDueText).toBe("10 分後 (2026/01/15 18:10)");
  });

  it("rates a partly right multiple-response answer Again and a second review from the stored card", async () => {
    const { id: userId } = await createGuest(rd, "en");
    const multiple = questions.all.find((q) => q.type === "multiple")!;
    let view = await showing(userId, multiple.topic);
    while (view.question.type !== "multiple") {
      const q = view.question;
      await answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: q.answer, confidence: "sure", durationMs: 1 });
      view = await showing(userId, multiple.topic);
    }
    const q = view.question;
    const partial = [q.answer[0]!, q.options.find((o) => !q.answer.includes(o.key))!.key, ...q.answer.slice(2)];
    const outcome = await answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: partial, confidence: "sure", durationMs: 1 });
    expect(outcome).toMatchObject({ correct: false, partial: true, rating: "again" });
    expect(outcome.nextDue.getTime() - clock.now().getTime()).toBe(60_000);
  });

  it("applies a showing once when two tabs answer it at the same time; the second gets the first result", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const view = await showing(userId);
    const q = view.question;
    const wrong = q.type === "ordering" ? [...q.answer].reverse() : q.options.filter((o) => !q.answer.includes(o.key)).slice(0, q.answer.length).map((o) => o.key);
    const [a, b] = await Promise.all([
      answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: q.answer, confidence: "sure", durationMs: 100 }),
      answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: wrong, confidence: "guessed", durationMs: 200 }),
    ]);
    expect([a.alreadyAnswered, b.alreadyAnswered].sort()).toEqual([false, true]);
    expect(a.rating).toBe(b.rating);
    expect(a.chosen).toEqual(b.chosen);
    const after = await state(userId);
    expect(after.logs).toBe(1);
    expect(after.cards).toHaveLength(1);
    expect(after.cards[0]!.reps).toBe(1);
    // A retry later (a reload, a double click) is also a no-op.
    clock.advance(60_000);
    const retry = await answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: q.answer, confidence: "easy", durationMs: 1 });
    expect(retry.alreadyAnswered).toBe(true);
    expect(await state(userId)).toEqual(after);
  });

  it("refuses tampered answers with a reason and leaves cards, logs and the showing untouched", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const { id: otherId } = await createGuest(rd, "ja");
    // Give the learner an existing card so "untouched" covers an update too.
    const first = await showing(userId);
    await answerShowing(rd, userId, { showingId: first.showingId, questionId: first.question.id, chosen: first.question.answer, confidence: "sure", durationMs: 1 });
    const view = await showing(userId);
    const q = view.question;
    const others = await showing(otherId);
    const before = await state(userId);
    const otherBefore = await state(otherId);
    const valid = { showingId: view.showingId, questionId: q.id, chosen: q.answer, confidence: "sure", durationMs: 10 };

    expect(await failure(answerShowing(rd, userId, { ...valid, chosen: [...q.answer.slice(1), "z"] }))).toBe("InvalidInput:review.unknownOption");
    expect(await failure(answerShowing(rd, userId, { ...valid, showingId: others.showingId, questionId: others.question.id, chosen: others.question.answer }))).toBe("NotFound:review.showingUnknown");
    expect(await failure(answerShowing(rd, userId, { ...valid, showingId: "no-such-showing" }))).toBe("NotFound:review.showingUnknown");
    expect(await failure(answerShowing(rd, userId, { ...valid, questionId: "no-such-question" }))).toBe("NotFound:review.questionUnknown");
    expect(await failure(answerShowing(rd, userId, { ...valid, questionId: first.question.id }))).toBe("NotFound:review.questionUnknown");
    expect(await failure(answerShowing(rd, userId, { ...valid, chosen: [] }))).toBe("InvalidInput:review.noChoice");
    expect(await failure(answerShowing(rd, userId, { ...valid, chosen: q.options.map((o) => o.key).concat(q.options[0]!.key) }))).toBe("InvalidInput:review.duplicateOption");
    expect(await failure(answerShowing(rd, userId, { ...valid, confidence: "certain" }))).toBe("InvalidInput:review.answerMalformed");
    expect(await failure(answerShowing(rd, userId, "showing=1"))).toBe("InvalidInput:review.answerMalformed");

    expect(await state(userId)).toEqual(before);
    expect(await state(otherId)).toEqual(otherBefore);
    // The untouched showing still takes the genuine answer.
    expect(await failure(answerShowing(rd, userId, valid))).toBe("accepted");
  });
});

describe("export", () => {
  it("writes the learner's reviews (and nobody else's) as CSV with a header and as JSON, oldest first", async () => {
    clock.set("2026-01-20T09:00:00Z");
    const { id: userId } = await createGuest(rd, "ja");
    const { id: otherId } = await createGuest(rd, "ja");
    const answered: string[] = [];
    for (const [i, confidence] of (["sure", "unsure", "easy"] as const).entries()) {
      const view = await showing(userId, "lifecycle-policies");
      answered.push(view.question.id);
      await answerShowing(rd, userId, { showingId: view.showingId, questionId: view.question.id, chosen: view.question.answer, confidence, durationMs: 1000 * (i + 1) });
      clock.advance(60_000);
    }
    const theirs = await showing(otherId);
    await answerShowing(rd, otherId, { showingId: theirs.showingId, questionId: theirs.question.id, chosen: theirs.question.answer, confidence: "sure", durationMs: 1 });

    let csv = "";
    for await (const chunk of csvChunks(rd, userId)) csv += chunk;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + 3);
    const rows = lines.slice(1).map((line) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)![i]!.replace(/,$/, "").replace(/^"|"$/g, "")])));
    expect(rows.map((r) => r.question_id)).toEqual(answered);
    expect(rows.map((r) => r.rating)).toEqual(["good", "hard", "easy"]);
    expect(rows.map((r) => r.rating_value)).toEqual(["3", "2", "4"]);
    expect(rows.map((r) => r.duration_ms)).toEqual(["1000", "2000", "3000"]);
    expect(rows[0]).toMatchObject({ reviewed_at: "2026-01-20T09:00:00.000Z", mode: "drill", correct: "true", confidence: "sure", state_before: "new", state_after: "learning", due_before: "", due_after: "2026-01-20T09:10:00.000Z" });
    expect(csv).not.toContain(theirs.showingId);

    let json = "";
    for await (const chunk of jsonChunks(rd, userId, clock.now())) json += chunk;
    const parsed = JSON.parse(json) as { format: string; exportedAt: string; reviews: { questionId: string; chosen: string[]; rating: string; before: unknown; after: { state: number } }[] };
    expect(parsed.format).toBe("dockyard-reviews/1");
    expect(parsed.reviews.map((r) => r.questionId)).toEqual(answered);
    expect(parsed.reviews[0]).toMatchObject({ rating: "good", before: null, after: { state: 1 } });
    expect(parsed.reviews[2]!.chosen.length).toBeGreaterThan(0);
  });

  it("pages through long histories without skipping or repeating a review", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const after = JSON.stringify({ state: 2, due: "2026-02-01T00:00:00.000Z", stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, lastReview: "2026-01-29T00:00:00.000Z" });
    await rd.db.reviewLog.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        id: `bulk-${String(i).padStart(5, "0")}`,
        userId,
        showingId: `bulk-showing-${i}`,
        sessionId: "bulk",
        questionId: questions.all[i % questions.all.length]!.id,
        mode: "review",
        chosen: "a",
        correct: true,
        rating: 3,
        confidence: "sure",
        durationMs: i,
        stateBefore: 2,
        stateAfter: 2,
        dueAfter: new Date("2026-02-01T00:00:00Z"),
        cardAfter: after,
        reviewedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 1000), // pairs share a timestamp
      })),
    });
    let json = "";
    for await (const chunk of jsonChunks(rd, userId, clock.now())) json += chunk;
    const durations = (JSON.parse(json) as { reviews: { durationMs: number }[] }).reviews.map((r) => r.durationMs);
    expect(durations).toEqual(Array.from({ length: 1203 }, (_, i) => i));
  });
});
