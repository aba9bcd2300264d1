// The hand-written card counts agree with Prisma's count() on the same filters, at the edges:
// a card due exactly now is due, one due a millisecond later is not; another learner's cards
// never count.
import { afterAll, describe, expect, it } from "vitest";
import { createGuest } from "@/lib/auth/users";
import { countDeck, countDue, countIntroducedSince } from "@/lib/learn/card-counts";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-01-15T09:00:00Z");
const { db } = env.deps;
afterAll(() => env.cleanup());

const NOW = new Date("2026-01-15T09:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

async function card(userId: string, questionId: string, due: Date, introducedAt: Date) {
  await db.reviewCard.create({ data: { userId, questionId, state: 2, due, stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, lastReview: null, introducedAt } });
}

describe("card counts", () => {
  it("count the learner's deck, due cards and today's new cards like Prisma does", async () => {
    const a = (await createGuest(env.deps, "ja")).id;
    const b = (await createGuest(env.deps, "ja")).id;
    await card(a, "q1", at(-86_400_000), at(-5 * 86_400_000));
    await card(a, "q2", at(0), at(-1)); // due exactly now; introduced a millisecond before `since`
    await card(a, "q3", at(1), at(0)); // due a millisecond from now; introduced exactly at `since`
    await card(a, "q4", at(3_600_000), at(60_000));
    await card(b, "q1", at(-1), at(0)); // another learner's card

    expect(await countDeck(db, a)).toBe(4);
    expect(await countDue(db, a, NOW)).toBe(2);
    expect(await countIntroducedSince(db, a, NOW)).toBe(2);
    expect(await countDeck(db, "nobody")).toBe(0);

    expect(await countDeck(db, a)).toBe(await db.reviewCard.count({ where: { userId: a } }));
    expect(await countDue(db, a, NOW)).toBe(await db.reviewCard.count({ where: { userId: a, due: { lte: NOW } } }));
    expect(await countIntroducedSince(db, a, NOW)).toBe(await db.reviewCard.count({ where: { userId: a, introducedAt: { gte: NOW } } }));
    // Inside an interactive transaction as well (loadReview counts there).
    expect(await db.$transaction((tx) => countDue(tx, a, at(1)))).toBe(3);
  });
});
