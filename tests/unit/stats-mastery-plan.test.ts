// Mastery per topic and exam-day chances over the real question bank, and the study plan's speed
// and loop guard on a full deck.
import { describe, expect, it } from "vitest";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { getQuestionCatalog } from "@/lib/content/questions";
import { retrievabilityAt, scheduleCard, type CardState } from "@/lib/learn/scheduler";
import { topicChanceOn, topicMastery } from "@/lib/learn/stats/mastery";
import { studyPlan } from "@/lib/learn/stats/plan";
import { chanceLevel } from "@/lib/learn/stats/readiness";

const questions = getQuestionCatalog();
const now = new Date("2026-05-10T00:00:00Z");
const DAY = 86_400_000;
const pricing = questions.byTopic.get("pricing")!;

describe("mastery per topic", () => {
  it("averages retrievability over every question of the topic, unseen as zero", () => {
    const fresh = scheduleCard(null, "good", now, 0.9);
    const older = scheduleCard(null, "good", new Date(now.getTime() - 20 * DAY), 0.9);
    const cards = new Map<string, CardState>([
      [pricing[0]!.id, fresh],
      [pricing[1]!.id, older],
    ]);
    const mastery = topicMastery(questions, cards, now);
    expect(mastery.map((m) => m.topic)).toEqual([...EXAM_TOPICS]);
    const row = mastery.find((m) => m.topic === "pricing")!;
    expect(row).toMatchObject({ total: pricing.length, seen: 2 });
    const expected = (retrievabilityAt(fresh, now) + retrievabilityAt(older, now)) / pricing.length;
    expect(row.mastery).toBeCloseTo(expected, 12);
    // The older card has decayed, so the topic is below 2/18 but above 1/18.
    expect(row.mastery).toBeLessThan(2 / pricing.length);
    expect(row.mastery).toBeGreaterThan(1 / pricing.length);
    expect(mastery.filter((m) => m.topic !== "pricing").every((m) => m.seen === 0 && m.mastery === 0)).toBe(true);
  });

  it("projects to the exam date, counting unseen questions at their chance of a guess", () => {
    const none = topicChanceOn(questions, new Map(), now);
    for (const topic of EXAM_TOPICS) {
      const list = questions.byTopic.get(topic)!;
      const guess = list.reduce((s, q) => s + chanceLevel(q), 0) / list.length;
      expect(none[topic]).toBeCloseTo(guess, 12);
      expect(none[topic]).toBeGreaterThan(0);
      expect(none[topic]).toBeLessThan(0.5);
    }
    // Every pricing question answered today: near-certain tomorrow, much lower a year later.
    const cards = new Map<string, CardState>(pricing.map((q) => [q.id, scheduleCard(null, "good", now, 0.9)]));
    expect(topicChanceOn(questions, cards, new Date(now.getTime() + DAY)).pricing).toBeGreaterThan(0.9);
    expect(topicChanceOn(questions, cards, new Date(now.getTime() + 365 * DAY)).pricing).toBeLessThan(0.5);
  });
});

describe("study plan on a full deck", () => {
  // Every question of the bank answered twice, at staggered times, as a learner's deck would be.
  const deck = questions.all.map((_, i) => scheduleCard(scheduleCard(null, "good", new Date(now.getTime() - (i + 2) * DAY), 0.9), "good", new Date(now.getTime() - (i % 5) * DAY), 0.9));

  it("covers the whole bank and is deterministic", () => {
    const examAt = new Date(now.getTime() + 365 * DAY);
    const plan = () => studyPlan({ cards: deck, unseen: 0, now, examAt, daysLeft: 365, desiredRetention: 0.9, newPerDay: 20 });
    const first = plan();
    expect(plan()).toEqual(first); // the scheduler's fuzz is seeded by the card
    expect(deck).toHaveLength(questions.all.length);
    expect(first.reviewsNeeded).toBeGreaterThan(deck.length); // every card comes due at least once in a year
  });

  it("stops each card at the loop guard when the exam is centuries away", () => {
    // Intervals stop growing at FSRS's maximum (100 years), so without the guard a card would be
    // reviewed for ever; 40 answers per card is far more than any real exam date needs (about a
    // dozen for an exam ten years away at 0.97).
    const farAway = new Date(now.getTime() + 500 * 365 * DAY);
    const plan = studyPlan({ cards: [], unseen: 3, now, examAt: farAway, daysLeft: 500 * 365, desiredRetention: 0.97, newPerDay: 1 });
    expect(plan).toMatchObject({ reviewsNeeded: 3 * 40, reviewsPerDay: 1, unseen: 3, newPerDayNeeded: 1, newPerDayEnough: true });
    const tenYears = studyPlan({ cards: [], unseen: 1, now, examAt: new Date(now.getTime() + 10 * 365 * DAY), daysLeft: 3650, desiredRetention: 0.97, newPerDay: 1 });
    expect(tenYears.reviewsNeeded).toBeGreaterThan(5);
    expect(tenYears.reviewsNeeded).toBeLessThan(40);
  });
});
