// Review sessions against a real SQLite database with a fixed clock: the queue (due before new,
// the daily new-question allowance, drills), sessions of 20 with a summary, and settings.
import { afterAll, describe, expect, it } from "vitest";
import { createGuest } from "@/lib/auth/users";
import { isDomainError } from "@/lib/core/errors";
import { getQuestionCatalog } from "@/lib/content/questions";
import type { LoadedQuestion } from "@/lib/content/load-questions";
import { answerShowing } from "@/lib/learn/answer";
import { newCardOrder } from "@/lib/learn/new-order";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { loadReview, startNewSession, type ReviewScope, type ReviewView } from "@/lib/learn/review-flow";
import type { Confidence } from "@/lib/learn/review-types";
import { REVIEW_DEFAULTS, getReviewSettings, saveReviewSettings } from "@/lib/learn/settings";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-01-15T09:00:00Z"); // 18:00 in Tokyo
const { clock } = env;
const questions = getQuestionCatalog();
const rd: ReviewDeps = { ...env.deps, questions, randomInt: () => 0 };
afterAll(() => env.cleanup());

const REVIEW: ReviewScope = { mode: "review", topic: null };
const MINUTE = 60_000;

async function learner(settings?: Record<string, string>) {
  const user = await createGuest(rd, "ja");
  if (settings) await saveReviewSettings(rd, user.id, { ...Object.fromEntries(Object.entries(REVIEW_DEFAULTS).map(([k, v]) => [k, v === null ? "" : String(v)])), ...settings });
  return user.id;
}

function question(view: ReviewView): LoadedQuestion {
  if (view.kind !== "question") throw new Error(`expected a question, got ${view.kind}`);
  return view.question;
}

async function answer(userId: string, view: ReviewView, confidence: Confidence = "sure", correct = true) {
  if (view.kind !== "question") throw new Error("nothing to answer");
  const q = view.question;
  const wrong = q.type === "ordering" ? [...q.answer].reverse() : [...q.answer.slice(1), q.options.find((o) => !q.answer.includes(o.key))!.key];
  return answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: correct ? q.answer : wrong, confidence, durationMs: 4000 });
}

describe("the review queue", () => {
  it("introduces new questions in the stable order, one showing at a time, the same one on reload", async () => {
    const userId = await learner();
    const first = await loadReview(rd, userId, REVIEW);
    expect(question(first).id).toBe(newCardOrder(questions)[0]);
    expect(first.progress).toEqual({ answered: 0, remaining: 20, total: 20 });
    const again = await loadReview(rd, userId, REVIEW);
    expect(again.kind === "question" && again.showingId).toBe(first.kind === "question" && first.showingId);
    await answer(userId, first);
    const second = await loadReview(rd, userId, REVIEW);
    expect(question(second).id).toBe(newCardOrder(questions)[1]);
    expect(second.progress).toEqual({ answered: 1, remaining: 19, total: 20 });
  });

  it("stores the shuffled option order with each showing", async () => {
    const userId = await learner();
    const shuffled: ReviewDeps = { ...rd, randomInt: (max) => max - 1 };
    const view = await loadReview(shuffled, userId, REVIEW);
    if (view.kind !== "question") throw new Error("expected a question");
    const row = await rd.db.reviewShowing.findUniqueOrThrow({ where: { id: view.showingId } });
    expect(row.optionOrder.split(",")).toEqual(view.optionOrder);
    expect([...view.optionOrder].sort()).toEqual(view.question.options.map((o) => o.key).sort());
    expect(row).toMatchObject({ userId, questionId: view.question.id, mode: "review", answeredAt: null });
  });

  it("respects newPerDay, serves due cards before new ones (oldest first), and allows new ones again the next day", async () => {
    clock.set("2026-01-15T09:00:00Z");
    const userId = await learner({ newPerDay: "3" });
    const introduced: string[] = [];
    for (let i = 0; i < 3; i++) {
      const view = await loadReview(rd, userId, REVIEW);
      introduced.push(question(view).id);
      await answer(userId, view, i === 0 ? "guessed" : "sure"); // Again (+1 min), then Good (+10 min)
      clock.advance(1000);
    }
    expect(introduced).toEqual(newCardOrder(questions).slice(0, 3));
    // Allowance used up and nothing due yet: the session ends with a summary.
    const done = await loadReview(rd, userId, REVIEW);
    expect(done.kind).toBe("summary");
    expect(done.progress.remaining).toBe(0);
    if (done.kind === "summary") expect(done.nextDue?.getTime()).toBe(new Date("2026-01-15T09:01:00Z").getTime());

    clock.set("2026-01-15T09:30:00Z"); // all three due; the one answered Again is the oldest
    const due: string[] = [];
    for (let i = 0; i < 3; i++) {
      const view = await loadReview(rd, userId, REVIEW);
      due.push(question(view).id);
      expect(view.progress.remaining).toBe(3 - i);
      await answer(userId, view, "easy");
    }
    expect(due).toEqual(introduced);
    expect((await loadReview(rd, userId, REVIEW)).kind).toBe("summary");

    clock.set("2026-01-15T19:30:00Z"); // 04:30 the next morning in Tokyo: a new learning day
    const tomorrow = await loadReview(rd, userId, REVIEW);
    expect(question(tomorrow).id).toBe(newCardOrder(questions)[3]);
    expect(tomorrow.progress.answered).toBe(0); // yesterday's session was closed
  });

  it("serves a due card before the next new one, even with new allowance left", async () => {
    clock.set("2026-01-15T10:00:00Z");
    const userId = await learner();
    const first = await loadReview(rd, userId, REVIEW);
    await answer(userId, first, "sure"); // Good: due in 10 minutes
    const second = await loadReview(rd, userId, REVIEW);
    expect(question(second).id).toBe(newCardOrder(questions)[1]); // not due yet: a new one
    await answer(userId, second, "sure");
    clock.advance(11 * MINUTE);
    const third = await loadReview(rd, userId, REVIEW);
    expect(question(third).id).toBe(question(first).id);
    expect(third.progress.remaining).toBe(2 + 18); // two due + the rest of today's 20 new
  });

  it("introduces nothing new when newPerDay is 0, but still reviews due cards", async () => {
    clock.set("2026-01-16T09:00:00Z");
    const userId = await learner({ newPerDay: "0" });
    const idle = await loadReview(rd, userId, REVIEW);
    expect(idle.kind).toBe("summary");
    if (idle.kind === "summary") expect(idle.summary.answered).toBe(0);
    // A drill introduces a card; once it is due, the review queue serves it.
    const drill = await loadReview(rd, userId, { mode: "drill", topic: "pricing" });
    await answer(userId, drill, "sure");
    clock.advance(11 * MINUTE);
    expect(question(await loadReview(rd, userId, REVIEW)).id).toBe(question(drill).id);
  });

  it("drills one topic now, whatever the due dates, each question once per drill, logged and scheduled", async () => {
    clock.set("2026-01-17T09:00:00Z");
    const userId = await learner({ newPerDay: "0" });
    const scope: ReviewScope = { mode: "drill", topic: "image-scanning" };
    const topicIds = questions.byTopic.get("image-scanning")!.map((q) => q.id);
    const seen: string[] = [];
    for (let i = 0; i < topicIds.length; i++) {
      const view = await loadReview(rd, userId, scope);
      const q = question(view);
      expect(q.topic).toBe("image-scanning");
      expect(view.progress.remaining).toBe(topicIds.length - i);
      seen.push(q.id);
      await answer(userId, view, "easy"); // due days from now, yet the drill continues
    }
    expect([...seen].sort()).toEqual([...topicIds].sort());
    const end = await loadReview(rd, userId, scope);
    expect(end.kind).toBe("summary");
    if (end.kind === "summary") expect(end.summary).toMatchObject({ answered: topicIds.length, correct: topicIds.length, correctPercent: 100 });
    const logs = await rd.db.reviewLog.findMany({ where: { userId } });
    expect(logs.every((l) => l.mode === "drill" && l.rating === 4)).toBe(true);
    expect(await rd.db.reviewCard.count({ where: { userId, due: { gt: clock.now() } } })).toBe(topicIds.length);
    // Drilling again starts a fresh pass; reviews are unaffected by the drill's session.
    await startNewSession(rd, userId, scope);
    expect(question(await loadReview(rd, userId, scope)).topic).toBe("image-scanning");
    expect((await loadReview(rd, userId, REVIEW)).kind).toBe("summary");
  });

  it("ends a session after 20 answers with a summary of correctness, ratings and time; a new session continues", async () => {
    clock.set("2026-01-18T09:00:00Z");
    const userId = await learner({ newPerDay: "40" });
    const confidences: Confidence[] = ["sure", "unsure", "guessed", "easy"];
    for (let i = 0; i < 20; i++) {
      const view = await loadReview(rd, userId, REVIEW);
      expect(view.progress.answered).toBe(i);
      await answer(userId, view, confidences[i % 4], i % 5 !== 0); // 4 wrong
      clock.advance(1000);
    }
    const end = await loadReview(rd, userId, REVIEW);
    expect(end.kind).toBe("summary");
    if (end.kind !== "summary") return;
    expect(end.summary).toMatchObject({ answered: 20, correct: 16, correctPercent: 80, answerMs: 20 * 4000 });
    // wrong (4) + guessed-and-right (4) are Again; unsure Hard 4; sure Good 4; easy Easy 4.
    expect(end.summary.ratings).toEqual({ again: 8, hard: 4, good: 4, easy: 4 });
    expect(end.progress.remaining).toBeGreaterThan(0);
    await startNewSession(rd, userId, REVIEW);
    const fresh = await loadReview(rd, userId, REVIEW);
    expect(fresh.kind).toBe("question");
    expect(fresh.progress.answered).toBe(0);
  });
});

describe("review settings", () => {
  it("has defaults, stores valid values, and is used as FSRS request_retention", async () => {
    const low = await learner({ desiredRetention: "0.7" });
    const high = await learner({ desiredRetention: "0.97", examDate: "2026-03-01", timeZone: "Europe/Berlin" });
    expect(await getReviewSettings(rd, await learner())).toEqual(REVIEW_DEFAULTS);
    expect(await getReviewSettings(rd, high)).toEqual({ desiredRetention: 0.97, newPerDay: 20, examDate: "2026-03-01", timeZone: "Europe/Berlin" });
    const intervals: number[] = [];
    for (const userId of [low, high]) {
      clock.set("2026-02-01T09:00:00Z");
      let due = 0;
      for (let i = 0; i < 4; i++) {
        const view = await loadReview(rd, userId, { mode: "drill", topic: "pricing" });
        const outcome = await answer(userId, view, "sure");
        due = outcome.nextDue.getTime() - clock.now().getTime();
        await startNewSession(rd, userId, { mode: "drill", topic: "pricing" }); // drill the same card again
        clock.set(outcome.nextDue);
      }
      intervals.push(due);
    }
    expect(intervals[0]).toBeGreaterThan(intervals[1]!);
  });

  it("rejects each invalid field with its own message code and keeps the stored settings", async () => {
    const userId = await learner({ newPerDay: "7" });
    const attempt = async (input: Record<string, string>) => {
      try {
        await saveReviewSettings(rd, userId, { desiredRetention: "0.9", newPerDay: "20", examDate: "", timeZone: "Asia/Tokyo", ...input });
        return "saved";
      } catch (error) {
        return isDomainError(error, "InvalidInput") ? error.details.fields : error;
      }
    };
    expect(await attempt({ desiredRetention: "0.5" })).toEqual({ desiredRetention: "review.retentionRange" });
    expect(await attempt({ desiredRetention: "0.98" })).toEqual({ desiredRetention: "review.retentionRange" });
    expect(await attempt({ desiredRetention: "" })).toEqual({ desiredRetention: "review.retentionRange" });
    expect(await attempt({ desiredRetention: "abc" })).toEqual({ desiredRetention: "review.retentionRange" });
    expect(await attempt({ newPerDay: "201" })).toEqual({ newPerDay: "review.newPerDayRange" });
    expect(await attempt({ newPerDay: "2.5" })).toEqual({ newPerDay: "review.newPerDayRange" });
    expect(await attempt({ newPerDay: "-1" })).toEqual({ newPerDay: "review.newPerDayRange" });
    expect(await attempt({ examDate: "2026-02-30" })).toEqual({ examDate: "review.examDateInvalid" });
    expect(await attempt({ examDate: "next week" })).toEqual({ examDate: "review.examDateInvalid" });
    expect(await attempt({ timeZone: "Mars/Olympus" })).toEqual({ timeZone: "review.timeZoneInvalid" });
    expect(await attempt({ desiredRetention: "1", newPerDay: "x" })).toEqual({ desiredRetention: "review.retentionRange", newPerDay: "review.newPerDayRange" });
    expect((await getReviewSettings(rd, userId)).newPerDay).toBe(7);
    expect(await attempt({ desiredRetention: "0.70", newPerDay: "0", examDate: "2026-12-24" })).toBe("saved");
    expect(await getReviewSettings(rd, userId)).toEqual({ desiredRetention: 0.7, newPerDay: 0, examDate: "2026-12-24", timeZone: "Asia/Tokyo" });
  });
});
