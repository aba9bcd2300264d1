// Review sessions: up to SESSION_SIZE answers, then a summary. A session left open is resumed on
// the same learning day and replaced by a fresh one on the next.
import type { ExamTopic } from "../content/lesson-schema";
import type { ReviewDb } from "./review-deps";
import { RATINGS, ratingName, type RatingName, type ReviewMode } from "./review-types";
import type { ShowingRow } from "./showings";

export const SESSION_SIZE = 20;

export type SessionRow = { id: string; userId: string; mode: string; topic: string | null; startedAt: Date; endedAt: Date | null };

export type SessionSummary = {
  answered: number;
  correct: number;
  /** Rounded percentage; 0 when nothing was answered. */
  correctPercent: number;
  ratings: Record<RatingName, number>;
  /** Time spent answering (sum of the per-question durations). */
  answerMs: number;
  startedAt: Date;
};

type Ids = { id(): string };

/** A session with how many of its questions were answered and the one still on screen, if any. */
export type SessionState = { session: SessionRow; answered: number; pending: ShowingRow | null };

/**
 * The learner's open session of this mode and topic from today, or a new one, with its state.
 * The pending showing comes with the session (one client call instead of two); the answers are
 * counted apart, as a Prisma _count with a filter compiles to a GROUP BY over every showing.
 */
export async function openSession(db: ReviewDb, ids: Ids, userId: string, mode: ReviewMode, topic: ExamTopic | null, now: Date, dayStart: Date): Promise<SessionState> {
  const open = await db.reviewSession.findFirst({
    where: { userId, mode, topic, endedAt: null },
    orderBy: { startedAt: "desc" },
    include: { showings: { where: { answeredAt: null }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  if (open && open.startedAt >= dayStart) {
    const { showings, ...session } = open;
    return { session, answered: await db.reviewLog.count({ where: { sessionId: session.id } }), pending: showings[0] ?? null };
  }
  if (open) await db.reviewSession.updateMany({ where: { userId, mode, topic, endedAt: null }, data: { endedAt: now } });
  const session = await db.reviewSession.create({ data: { id: ids.id(), userId, mode, topic, startedAt: now } });
  return { session, answered: 0, pending: null };
}

/** Ends the learner's open sessions of this mode and topic (the "new session" button). */
export async function endOpenSessions(db: ReviewDb, userId: string, mode: ReviewMode, topic: ExamTopic | null, now: Date): Promise<void> {
  await db.reviewSession.updateMany({ where: { userId, mode, topic, endedAt: null }, data: { endedAt: now } });
}

export async function summarizeSession(db: ReviewDb, session: SessionRow): Promise<SessionSummary> {
  const logs = await db.reviewLog.findMany({ where: { sessionId: session.id }, select: { correct: true, rating: true, durationMs: true } });
  const ratings = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<RatingName, number>;
  for (const log of logs) ratings[ratingName(log.rating)]++;
  const correct = logs.filter((l) => l.correct).length;
  return {
    answered: logs.length,
    correct,
    correctPercent: logs.length ? Math.round((correct / logs.length) * 100) : 0,
    ratings,
    answerMs: logs.reduce((sum, l) => sum + l.durationMs, 0),
    startedAt: session.startedAt,
  };
}
