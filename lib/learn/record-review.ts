// One review applied inside the caller's transaction: the card rescheduled (created on the first
// answer) and the append-only log row with the card before and after. Review answers and mock-exam
// submissions both go through here, so every answer is scheduled and logged the same way.
import { cardFromRow, cardToRow, snapshotJson } from "./card-snapshot";
import type { ReviewDb } from "./review-deps";
import { ratingNumber, type Confidence, type RatingName } from "./review-types";
import { scheduleCard } from "./scheduler";

export type ReviewRecord = {
  id: string;
  userId: string;
  questionId: string;
  /** The showing (review) or exam item answered: one log each, enforced by a unique index. */
  showingId: string;
  sessionId: string;
  mode: "review" | "drill" | "exam";
  chosen: readonly string[];
  correct: boolean;
  rating: RatingName;
  confidence: Confidence;
  durationMs: number;
  now: Date;
  desiredRetention: number;
};

export async function recordReview(tx: ReviewDb, r: ReviewRecord) {
  const key = { userId_questionId: { userId: r.userId, questionId: r.questionId } };
  const row = await tx.reviewCard.findUnique({ where: key });
  const before = row ? cardFromRow(row) : null;
  const after = scheduleCard(before, r.rating, r.now, r.desiredRetention);
  await tx.reviewCard.upsert({ where: key, create: { userId: r.userId, questionId: r.questionId, ...cardToRow(after), introducedAt: r.now }, update: cardToRow(after) });
  return tx.reviewLog.create({
    data: {
      id: r.id,
      userId: r.userId,
      showingId: r.showingId,
      sessionId: r.sessionId,
      questionId: r.questionId,
      mode: r.mode,
      chosen: r.chosen.join(","),
      correct: r.correct,
      rating: ratingNumber(r.rating),
      confidence: r.confidence,
      durationMs: r.durationMs,
      stateBefore: before?.state ?? 0,
      stateAfter: after.state,
      dueBefore: before?.due ?? null,
      dueAfter: after.due,
      cardBefore: before ? snapshotJson(before) : null,
      cardAfter: snapshotJson(after),
      reviewedAt: r.now,
    },
  });
}
