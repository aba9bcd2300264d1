// Counting a learner's cards from index entries alone. Prisma's count() wraps its filter in a
// subquery that fetches every matching row, so counting a learner's 3,000 due cards read 3,000
// table rows (about 4 ms each time, and the slowest part of a session's summary); the same COUNT
// written directly is answered from the (userId, due) and (userId, introducedAt) indexes.
import type { ReviewDb } from "./review-deps";

type CountRow = { n: bigint | number };

const counted = (rows: CountRow[]) => Number(rows[0]?.n ?? 0);

/** Cards the learner has (every question answered at least once). */
export async function countDeck(db: ReviewDb, userId: string): Promise<number> {
  return counted(await db.$queryRaw<CountRow[]>`SELECT COUNT(*) AS n FROM "ReviewCard" WHERE "userId" = ${userId}`);
}

/** Cards due at `now` (due <= now). */
export async function countDue(db: ReviewDb, userId: string, now: Date): Promise<number> {
  return counted(await db.$queryRaw<CountRow[]>`SELECT COUNT(*) AS n FROM "ReviewCard" WHERE "userId" = ${userId} AND "due" <= ${now}`);
}

/** Cards first answered at or after `since` (today's new questions). */
export async function countIntroducedSince(db: ReviewDb, userId: string, since: Date): Promise<number> {
  return counted(await db.$queryRaw<CountRow[]>`SELECT COUNT(*) AS n FROM "ReviewCard" WHERE "userId" = ${userId} AND "introducedAt" >= ${since}`);
}
