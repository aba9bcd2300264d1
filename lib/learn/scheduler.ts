// The only module that imports ts-fsrs (FSRS-6). Scheduling is a pure function of the card, the
// rating, the time and the learner's desired retention; callers pass `now` from deps.clock.
import { fsrs, Rating, State, type Card, type FSRS, type Grade } from "ts-fsrs";
import { CARD_STATES, type CardStateName, type RatingName } from "./review-types";

/** Our own copy of an FSRS card, so no other module depends on ts-fsrs's types. */
export type CardState = {
  state: 0 | 1 | 2 | 3;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
};

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;

const GRADES: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

// One scheduler per retention value: they are immutable and cheap, but there is no need to rebuild.
const schedulers = new Map<number, FSRS>();

function schedulerFor(retention: number): FSRS {
  if (!(retention >= RETENTION_MIN && retention <= RETENTION_MAX)) throw new RangeError(`desired retention ${retention} is outside ${RETENTION_MIN}–${RETENTION_MAX}`);
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    // Fuzz spreads cards answered together over nearby days; ts-fsrs seeds it from the card and
    // review time, so the result stays deterministic for a given input.
    scheduler = fsrs({ request_retention: retention, enable_fuzz: true, enable_short_term: true });
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

function toFsrs(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5; recomputed from last_review
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: card.lastReview ?? undefined,
  };
}

function fromFsrs(card: Card): CardState {
  return {
    state: card.state as CardState["state"],
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}

/** A card that was never answered, due now. */
export function newCardState(now: Date): CardState {
  return { state: 0, due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
}

/** The card after answering with `rating` at `now` (null: the first answer ever). */
export function scheduleCard(card: CardState | null, rating: RatingName, now: Date, desiredRetention: number): CardState {
  const before = toFsrs(card ?? newCardState(now));
  return fromFsrs(schedulerFor(desiredRetention).next(before, now, GRADES[rating]).card);
}

export function stateName(state: number): CardStateName {
  return CARD_STATES[state] ?? "new";
}

/**
 * The probability of recalling the card at `at` on FSRS-6's forgetting curve (0 for a card never
 * answered). Independent of the desired retention, so any scheduler instance computes it.
 */
export function retrievabilityAt(card: CardState, at: Date): number {
  if (card.state === 0 || !card.lastReview) return 0;
  return schedulerFor(RETENTION_MAX).get_retrievability(toFsrs(card), at, false);
}
