// True retention: how often the learner actually recalled cards that were due for review (state
// Review before the answer) in the last 30 days. FSRS aims for the desired retention; a large gap
// means the schedule is too optimistic (or too cautious) for this learner.
export const TRUE_RETENTION_DAYS = 30;
export const TRUE_RETENTION_MIN_REVIEWS = 10;

export type TrueRetention = { reviews: number; correct: number; rate: number | null };

export function trueRetention(logs: readonly { correct: boolean; stateBefore: number; reviewedAt: Date }[], now: Date): TrueRetention {
  const since = now.getTime() - TRUE_RETENTION_DAYS * 86_400_000;
  const matured = logs.filter((l) => l.stateBefore === 2 && l.reviewedAt.getTime() >= since);
  const correct = matured.filter((l) => l.correct).length;
  return { reviews: matured.length, correct, rate: matured.length >= TRUE_RETENTION_MIN_REVIEWS ? correct / matured.length : null };
}
