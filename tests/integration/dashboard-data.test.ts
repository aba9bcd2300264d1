// The dashboard's data for a learner with a history: due today, forecast, heatmap and streak in
// the learner's time zone, mastery per topic, and readiness with a plan once an exam date is set.
import { afterAll, describe, expect, it } from "vitest";
import { createGuest } from "@/lib/auth/users";
import { getQuestionCatalog } from "@/lib/content/questions";
import { answerShowing } from "@/lib/learn/answer";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { learningDayStart } from "@/lib/learn/learning-day";
import { loadReview } from "@/lib/learn/review-flow";
import { saveReviewSettings } from "@/lib/learn/settings";
import { loadDashboard } from "@/lib/learn/stats/dashboard";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-04-01T01:00:00Z"); // 10:00 in Tokyo
const { clock } = env;
const questions = getQuestionCatalog();
const rd: ReviewDeps = { ...env.deps, questions };
afterAll(() => env.cleanup());

async function answer(userId: string, right: boolean) {
  const view = await loadReview(rd, userId, { mode: "review", topic: null });
  if (view.kind !== "question") throw new Error("expected a question");
  const q = view.question;
  const wrong = q.type === "ordering" ? [...q.answer].reverse() : q.options.map((o) => o.key).filter((k) => !q.answer.includes(k)).slice(0, q.answer.length);
  await answerShowing(rd, userId, { showingId: view.showingId, questionId: q.id, chosen: right ? q.answer : wrong, confidence: "sure", durationMs: 3000 });
  return q;
}

describe("loadDashboard", () => {
  it("shows a new learner empty counts, today's new allowance and no readiness without an exam date", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const d = await loadDashboard(rd, userId);
    expect(d.dueToday).toEqual({ due: 0, newAllowed: 20 });
    expect(d.reviewsTotal).toBe(0);
    expect(d.streak).toBe(0);
    expect(d.heatmap.every((c) => c.count === 0)).toBe(true);
    expect(d.topics.every((t) => t.seen === 0 && t.mastery === 0 && t.total === 18)).toBe(true);
    expect(d.exam).toBeNull();
  });

  it("follows a learner's answers over three days, then projects the exam", async () => {
    const { id: userId } = await createGuest(rd, "ja");
    const answered = [];
    for (let day = 0; day < 3; day++) {
      for (let i = 0; i < 4; i++) answered.push(await answer(userId, i !== 3));
      clock.advance(24 * 3_600_000);
    }
    clock.advance(-24 * 3_600_000 + 3_600_000); // back to the third day, an hour later
    const d = await loadDashboard(rd, userId);
    expect(d.reviewsTotal).toBe(12);
    expect(d.streak).toBe(3);
    expect(d.heatmap.slice(-3).map((c) => c.count)).toEqual([4, 4, 4]);
    const seen = d.topics.reduce((s, t) => s + t.seen, 0);
    expect(seen).toBe(new Set(answered.map((q) => q.id)).size);
    expect(d.topics.some((t) => t.mastery > 0)).toBe(true);
    expect(d.forecast[0]!.count).toBe(d.dueToday.due);
    expect(d.forecast.reduce((s, f) => s + f.count, 0)).toBeLessThanOrEqual(seen);
    const introducedToday = await rd.db.reviewCard.count({ where: { userId, introducedAt: { gte: learningDayStart(clock.now(), "Asia/Tokyo") } } });
    expect(introducedToday).toBeGreaterThan(0);
    expect(d.dueToday.newAllowed).toBe(20 - introducedToday);
    expect(d.retention).toMatchObject({ rate: null });

    await saveReviewSettings(rd, userId, { desiredRetention: "0.9", newPerDay: "5", examDate: "2026-05-01", timeZone: "Asia/Tokyo" });
    const withExam = await loadDashboard(rd, userId);
    expect(withExam.exam?.daysLeft).toBe(28);
    const { readiness, plan } = withExam.exam!;
    expect(readiness.questionCount).toBe(65);
    // Mostly unseen questions at chance level: passing is very unlikely.
    expect(readiness.probability).toBeLessThan(0.01);
    expect(withExam.exam?.band).toBe("unlikely");
    expect(plan.unseen).toBe(questions.all.length - seen);
    expect(plan.newPerDayNeeded).toBe(Math.ceil(plan.unseen / 28));
    expect(plan.newPerDayEnough).toBe(false);
    expect(plan.reviewsPerDay).toBeGreaterThan(plan.newPerDayNeeded);

    await saveReviewSettings(rd, userId, { desiredRetention: "0.9", newPerDay: "5", examDate: "2026-03-01", timeZone: "Asia/Tokyo" });
    expect((await loadDashboard(rd, userId)).exam).toBeNull(); // the date has passed
  });
});
