// The study plan up to the exam: how many reviews the scheduler itself would ask for if every
// answer from now on were Good, counting each card's reviews until its next due date falls after
// the exam (then its retrievability on the exam day is at least the desired retention), plus the
// questions not yet introduced (a first answer, then the same).
import { scheduleCard, type CardState } from "../scheduler";

/** A card answered Good every time reaches months between reviews within a dozen answers. */
const MAX_REVIEWS_PER_CARD = 40;

export type StudyPlan = {
  daysLeft: number;
  reviewsNeeded: number;
  reviewsPerDay: number;
  unseen: number;
  /** New questions per day needed to introduce every unseen one before the exam. */
  newPerDayNeeded: number;
  /** Whether the learner's new-per-day setting introduces them in time. */
  newPerDayEnough: boolean;
};

function reviewsUntil(card: CardState | null, from: Date, examAt: Date, retention: number): number {
  let count = 0;
  let state = card;
  let at = card ? new Date(Math.max(card.due.getTime(), from.getTime())) : from;
  while (at.getTime() <= examAt.getTime() && count < MAX_REVIEWS_PER_CARD) {
    state = scheduleCard(state, "good", at, retention);
    count += 1;
    at = state.due;
  }
  return count;
}

export function studyPlan(input: { cards: readonly CardState[]; unseen: number; now: Date; examAt: Date; daysLeft: number; desiredRetention: number; newPerDay: number }): StudyPlan {
  const { cards, unseen, now, examAt, desiredRetention } = input;
  const daysLeft = Math.max(1, input.daysLeft);
  const existing = cards.reduce((sum, card) => sum + reviewsUntil(card, now, examAt, desiredRetention), 0);
  // Unseen questions are alike: simulate one and multiply.
  const perNew = unseen > 0 ? reviewsUntil(null, now, examAt, desiredRetention) : 0;
  const reviewsNeeded = existing + perNew * unseen;
  const newPerDayNeeded = Math.ceil(unseen / daysLeft);
  return { daysLeft, reviewsNeeded, reviewsPerDay: Math.ceil(reviewsNeeded / daysLeft), unseen, newPerDayNeeded, newPerDayEnough: input.newPerDay >= newPerDayNeeded };
}
