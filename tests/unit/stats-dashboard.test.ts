// The dashboard's arithmetic: the Poisson-binomial pass probability against brute force, chance
// levels, readiness, the calendar counts (forecast, heatmap, streak) in the learner's time zone,
// true retention, retrievability and the study plan.
import { describe, expect, it } from "vitest";
import { EXAM_TOPICS, type ExamTopic } from "@/lib/content/lesson-schema";
import { scheduleCard, retrievabilityAt } from "@/lib/learn/scheduler";
import { currentStreak, dueForecast, reviewHeatmap } from "@/lib/learn/stats/calendar";
import { studyPlan } from "@/lib/learn/stats/plan";
import { probabilityAtLeast, scoreDistribution } from "@/lib/learn/stats/poisson-binomial";
import { chanceLevel, examReadiness, readinessBand } from "@/lib/learn/stats/readiness";
import { trueRetention } from "@/lib/learn/stats/retention";

function bruteForce(ps: number[], needed: number): number {
  let total = 0;
  for (let mask = 0; mask < 1 << ps.length; mask++) {
    let p = 1;
    let right = 0;
    ps.forEach((q, i) => {
      const hit = (mask >> i) & 1;
      right += hit;
      p *= hit ? q : 1 - q;
    });
    if (right >= needed) total += p;
  }
  return total;
}

const all = (p: number) => Object.fromEntries(EXAM_TOPICS.map((t) => [t, p])) as Record<ExamTopic, number>;
const at = (iso: string) => new Date(iso);

describe("Poisson-binomial", () => {
  it("matches brute force on small exams", () => {
    const cases = [[0.5, 0.5, 0.5, 0.5], [0.9, 0.1, 0.3, 0.7, 0.25], [1, 0, 0.6], [0.33, 0.66, 0.99, 0.01, 0.5, 0.75, 0.2]];
    for (const ps of cases) for (let k = 0; k <= ps.length + 1; k++) expect(probabilityAtLeast(ps, k)).toBeCloseTo(bruteForce(ps, k), 12);
  });

  it("knows a textbook value and sums to one", () => {
    expect(probabilityAtLeast([0.5, 0.5, 0.5, 0.5], 2)).toBeCloseTo(11 / 16, 12);
    // Equal probabilities make it a binomial: P(X ≥ 47) for X ~ B(65, 0.72) by the closed form.
    let closedForm = 0;
    for (let k = 47; k <= 65; k++) {
      let choose = 1;
      for (let i = 1; i <= k; i++) choose = (choose * (65 - k + i)) / i;
      closedForm += choose * 0.72 ** k * 0.28 ** (65 - k);
    }
    expect(probabilityAtLeast(new Array<number>(65).fill(0.72), 47)).toBeCloseTo(closedForm, 12);
    expect(closedForm).toBeGreaterThan(0.45); // sanity: the mean 46.8 sits just below the mark
    expect(closedForm).toBeLessThan(0.55);
    const dist = scoreDistribution(Array.from({ length: 65 }, (_, i) => (i % 10) / 10));
    expect(dist).toHaveLength(66);
    expect(dist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("readiness", () => {
  it("uses one-in-all-answers chance levels", () => {
    const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ key: String.fromCharCode(97 + i) }));
    expect(chanceLevel({ type: "single", options: opts(4), answer: ["a"] } as never)).toBe(0.25);
    expect(chanceLevel({ type: "multiple", options: opts(5), answer: ["a", "b"] } as never)).toBe(0.1);
    expect(chanceLevel({ type: "ordering", options: opts(4), answer: ["a", "b", "c", "d"] } as never)).toBeCloseTo(1 / 24, 12);
  });

  it("is certain at the extremes and follows the blueprint", () => {
    expect(examReadiness(all(1)).probability).toBeCloseTo(1, 12);
    expect(examReadiness(all(0)).probability).toBe(0);
    const r = examReadiness(all(0.72));
    expect(r).toMatchObject({ questionCount: 65, needed: 47 });
    expect(r.expectedScore).toBeCloseTo(46.8, 9);
    // 46.8 expected but 47 needed: a little under even odds.
    expect(r.probability).toBeGreaterThan(0.4);
    expect(r.probability).toBeLessThan(0.55);
    // A weak topic with many questions hurts more than one with few.
    const weakAccess = examReadiness({ ...all(0.85), "access-control": 0.2 }).probability;
    const weakPricing = examReadiness({ ...all(0.85), pricing: 0.2 }).probability;
    expect(weakAccess).toBeLessThan(weakPricing);
    expect(readinessBand(0.95)).toBe("veryLikely");
    expect(readinessBand(0.1)).toBe("unlikely");
  });
});

describe("calendar counts", () => {
  const tz = "Asia/Tokyo"; // UTC+9: the learning day starts at 19:00 UTC the day before
  const now = at("2026-05-10T03:00:00Z"); // 12:00 in Tokyo on 10 May

  it("forecasts by learning day, overdue on today", () => {
    const forecast = dueForecast([at("2026-05-01T00:00:00Z"), at("2026-05-10T18:59:00Z"), at("2026-05-10T19:01:00Z"), at("2026-06-30T00:00:00Z")], now, tz);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2026-05-10", count: 2 });
    expect(forecast[1]).toEqual({ day: "2026-05-11", count: 1 });
    expect(forecast.reduce((s, d) => s + d.count, 0)).toBe(3); // 30 June is beyond the window
  });

  it("draws a year of reviews with levels relative to the busiest day, and the streak", () => {
    const reviews = [at("2026-05-10T01:00:00Z"), at("2026-05-10T02:00:00Z"), at("2026-05-10T02:30:00Z"), at("2026-05-10T02:40:00Z"), at("2026-05-09T10:00:00Z"), at("2026-05-08T10:00:00Z"), at("2026-05-06T10:00:00Z")];
    const heat = reviewHeatmap(reviews, now, tz);
    expect(heat).toHaveLength(365);
    expect(heat.at(-1)).toEqual({ day: "2026-05-10", count: 4, level: 4 });
    expect(heat.at(-2)).toEqual({ day: "2026-05-09", count: 1, level: 1 });
    expect(heat.at(-3)?.count).toBe(1);
    expect(heat.at(-4)).toEqual({ day: "2026-05-07", count: 0, level: 0 });
    expect(currentStreak(reviews, now, tz)).toBe(3);
    // Before today's first review the streak still counts up to yesterday; a gap ends it.
    expect(currentStreak(reviews.slice(4), now, tz)).toBe(2);
    expect(currentStreak([at("2026-05-07T10:00:00Z")], now, tz)).toBe(0);
    // 03:30 in Tokyo still belongs to the previous learning day for the streak, but the heatmap is
    // a calendar: it shows the answer on the day it was given.
    const lateNight = [at("2026-05-09T18:30:00Z")];
    expect(currentStreak(lateNight, at("2026-05-10T01:00:00Z"), tz)).toBe(1);
    expect(currentStreak(lateNight, at("2026-05-10T20:00:00Z"), tz)).toBe(0); // 11 May: 10 May was empty
    expect(reviewHeatmap(lateNight, now, tz).at(-1)).toEqual({ day: "2026-05-10", count: 1, level: 4 });
    // In New York the same instant is 14:30 on 9 May.
    expect(reviewHeatmap(lateNight, now, "America/New_York").filter((d) => d.count > 0)).toEqual([{ day: "2026-05-09", count: 1, level: 4 }]);
  });
});

describe("true retention", () => {
  it("counts only reviews of matured cards within 30 days, and needs ten", () => {
    const now = at("2026-05-10T00:00:00Z");
    const log = (correct: boolean, stateBefore: number, daysAgo: number) => ({ correct, stateBefore, reviewedAt: new Date(now.getTime() - daysAgo * 86_400_000) });
    const logs = [...Array.from({ length: 9 }, (_, i) => log(i < 8, 2, 1)), log(true, 0, 1), log(false, 1, 1), log(false, 2, 40)];
    expect(trueRetention(logs, now)).toEqual({ reviews: 9, correct: 8, rate: null });
    expect(trueRetention([...logs, log(false, 2, 2)], now)).toEqual({ reviews: 10, correct: 8, rate: 0.8 });
  });
});

describe("retrievability and the plan", () => {
  const now = at("2026-05-10T00:00:00Z");
  const learned = [0, 1, 2, 3].reduce<ReturnType<typeof scheduleCard> | null>((card, i) => scheduleCard(card, "good", card ? card.due : new Date(now.getTime() - 90 * 86_400_000 + i), 0.9), null)!;

  it("decays with time and is zero for unseen cards", () => {
    const fresh = scheduleCard(null, "good", now, 0.9);
    expect(retrievabilityAt(fresh, now)).toBeCloseTo(1, 6);
    expect(retrievabilityAt(learned, learned.due)).toBeGreaterThan(0.85);
    expect(retrievabilityAt(learned, new Date(learned.due.getTime() + 365 * 86_400_000))).toBeLessThan(retrievabilityAt(learned, learned.due));
    expect(retrievabilityAt({ ...fresh, state: 0, lastReview: null }, now)).toBe(0);
  });

  it("counts the reviews the scheduler would ask for before the exam", () => {
    const examAt = at("2026-06-10T00:00:00Z");
    const plan = studyPlan({ cards: [learned], unseen: 10, now, examAt, daysLeft: 31, desiredRetention: 0.9, newPerDay: 0 });
    expect(plan.unseen).toBe(10);
    expect(plan.reviewsNeeded).toBeGreaterThan(10); // each new question needs several answers
    expect(plan.reviewsPerDay).toBe(Math.ceil(plan.reviewsNeeded / 31));
    expect(plan).toMatchObject({ newPerDayNeeded: 1, newPerDayEnough: false });
    // A card not due before the exam needs nothing; a sooner exam needs more per day.
    const later = { ...learned, due: at("2026-07-01T00:00:00Z") };
    expect(studyPlan({ cards: [later], unseen: 0, now, examAt, daysLeft: 31, desiredRetention: 0.9, newPerDay: 20 }).reviewsNeeded).toBe(0);
    const soon = studyPlan({ cards: [learned], unseen: 10, now, examAt: at("2026-05-17T00:00:00Z"), daysLeft: 7, desiredRetention: 0.9, newPerDay: 20 });
    expect(soon.reviewsPerDay).toBeGreaterThan(plan.reviewsPerDay);
  });
});
