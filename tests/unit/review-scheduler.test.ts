// The FSRS-6 wrapper with an injected clock: what Good, Again and Easy do to a card, that the
// desired retention changes intervals, and that scheduling is a pure function of its inputs.
import { describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/core/clock";
import { newCardState, scheduleCard, stateName, type CardState } from "@/lib/learn/scheduler";
import { cardFromRow, parseSnapshot, snapshotJson } from "@/lib/learn/card-snapshot";
import type { RatingName } from "@/lib/learn/review-types";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Answers `ratings` in turn, each exactly when the card falls due. */
function run(ratings: RatingName[], retention = 0.9, start = "2026-01-15T09:00:00Z"): CardState {
  const clock = fixedClock(start);
  let card: CardState | null = null;
  for (const rating of ratings) {
    if (card) clock.set(card.due);
    card = scheduleCard(card, rating, clock.now(), retention);
  }
  if (!card) throw new Error("no ratings");
  return card;
}

describe("scheduleCard", () => {
  it("a first Good starts learning and comes back after the 10-minute step", () => {
    const clock = fixedClock("2026-01-15T09:00:00Z");
    const card = scheduleCard(null, "good", clock.now(), 0.9);
    expect(stateName(card.state)).toBe("learning");
    expect(card.due.getTime() - clock.now().getTime()).toBe(10 * MINUTE);
    expect(card.reps).toBe(1);
    expect(card.lastReview?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
  });

  it("Again brings a card back within minutes; Easy graduates it straight to days", () => {
    const now = new Date("2026-01-15T09:00:00Z");
    expect(scheduleCard(null, "again", now, 0.9).due.getTime() - now.getTime()).toBe(1 * MINUTE);
    const easy = scheduleCard(null, "easy", now, 0.9);
    expect(stateName(easy.state)).toBe("review");
    expect(easy.due.getTime() - now.getTime()).toBeGreaterThanOrEqual(DAY);
  });

  it("Good after Good graduates and pushes the due date days into the future, growing each time", () => {
    const graduated = run(["good", "good"]);
    expect(stateName(graduated.state)).toBe("review");
    const last = graduated.lastReview!.getTime();
    const first = graduated.due.getTime() - last;
    expect(first).toBeGreaterThanOrEqual(DAY);
    const next = run(["good", "good", "good"]);
    expect(next.due.getTime() - next.lastReview!.getTime()).toBeGreaterThan(first);
  });

  it("Again on a review card is a lapse: relearning, due again within minutes", () => {
    const lapsed = run(["good", "good", "good", "again"]);
    expect(stateName(lapsed.state)).toBe("relearning");
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due.getTime() - lapsed.lastReview!.getTime()).toBeLessThanOrEqual(10 * MINUTE);
  });

  it("a lower desired retention gives longer intervals, a higher one shorter", () => {
    const interval = (retention: number) => {
      const card = run(["good", "good", "good", "good"], retention);
      return card.due.getTime() - card.lastReview!.getTime();
    };
    const [low, mid, high] = [interval(0.7), interval(0.9), interval(0.97)];
    expect(low).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(high);
  });

  it("is deterministic for the same card, rating and time (fuzz is seeded from them)", () => {
    expect(run(["good", "good", "good", "hard"])).toEqual(run(["good", "good", "good", "hard"]));
  });

  it("refuses a retention outside 0.70–0.97", () => {
    const now = new Date("2026-01-15T09:00:00Z");
    expect(() => scheduleCard(null, "good", now, 0.5)).toThrow(RangeError);
    expect(() => scheduleCard(null, "good", now, 0.99)).toThrow(RangeError);
  });

  it("round-trips through the stored row and the log's JSON snapshot", () => {
    const card = run(["good", "good"]);
    expect(cardFromRow({ ...card })).toEqual(card);
    const snap = parseSnapshot(snapshotJson(card));
    expect(snap).toMatchObject({ state: 2, reps: 2, due: card.due.toISOString() });
    expect(newCardState(new Date(0)).state).toBe(0);
    expect(() => cardFromRow({ ...card, state: 7 })).toThrow();
  });
});
