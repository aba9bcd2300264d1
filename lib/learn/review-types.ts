// The closed vocabularies of reviewing, validated with zod wherever they cross a boundary.
import { z } from "zod";

/** "review": due cards, then new ones. "drill": one topic now, whatever the due dates. */
export const REVIEW_MODES = ["review", "drill"] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];
export const ReviewModeSchema = z.enum(REVIEW_MODES);

/** How the learner submitted: Enter (sure), U (unsure), G (I guessed), E (easy). */
export const CONFIDENCES = ["sure", "unsure", "guessed", "easy"] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const ConfidenceSchema = z.enum(CONFIDENCES);

/** FSRS ratings; the stored number is the index + 1 (Again = 1 ... Easy = 4), as in FSRS logs. */
export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];

export function ratingNumber(rating: RatingName): 1 | 2 | 3 | 4 {
  return (RATINGS.indexOf(rating) + 1) as 1 | 2 | 3 | 4;
}

export function ratingName(value: number): RatingName {
  const name = RATINGS[value - 1];
  if (!name) throw new Error(`Unknown rating ${value}`);
  return name;
}

/** FSRS card states by their stored number. */
export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export type CardStateName = (typeof CARD_STATES)[number];
