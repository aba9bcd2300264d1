// From an answer to an FSRS rating. Being right by luck is not remembering, so "I guessed" counts
// as a lapse; Easy is never inferred, only chosen.
import type { Confidence, RatingName } from "./review-types";

/**
 * `correct` is all-or-nothing: a partly right multiple-response answer is wrong here.
 * wrong → Again · right + guessed → Again · right + unsure → Hard · right + sure → Good · right + easy → Easy.
 */
export function rateAnswer(correct: boolean, confidence: Confidence): RatingName {
  if (!correct) return "again";
  switch (confidence) {
    case "guessed":
      return "again";
    case "unsure":
      return "hard";
    case "easy":
      return "easy";
    case "sure":
      return "good";
  }
}
