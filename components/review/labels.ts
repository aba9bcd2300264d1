// The strings the client-side review player needs, translated on the server. Templates keep
// their {placeholders}; fill() completes them in the browser.
import type { Translate } from "@/lib/i18n/messages";
import { RATINGS, type RatingName } from "@/lib/learn/review-types";

export function playerLabels(t: Translate) {
  return {
    case: t("review.case"),
    chooseOne: t("review.chooseOne"),
    chooseN: t("review.chooseN"),
    putInOrder: t("review.putInOrder"),
    difficulty: { 1: t("review.difficulty.1"), 2: t("review.difficulty.2"), 3: t("review.difficulty.3") } as Record<number, string>,
    options: t("review.options"),
    chooseMore: t("review.chooseMore"),
    chooseFewer: t("review.chooseFewer"),
    orderHint: t("review.orderHint"),
    yourOrder: t("review.yourOrder"),
    orderEmpty: t("review.orderEmpty"),
    undo: t("review.undo"),
    submitSure: t("review.submitSure"),
    submitUnsure: t("review.submitUnsure"),
    submitGuessed: t("review.submitGuessed"),
    submitEasy: t("review.submitEasy"),
    submitting: t("review.submitting"),
    shortcuts: t("review.shortcuts"),
    keyPick: t("review.key.pick"),
    keyUndo: t("review.key.undo"),
    keySure: t("review.key.sure"),
    keyUnsure: t("review.key.unsure"),
    keyGuessed: t("review.key.guessed"),
    keyEasy: t("review.key.easy"),
    keyNext: t("review.key.next"),
    correct: t("review.correct"),
    incorrect: t("review.incorrect"),
    partial: t("review.partial"),
    alreadyAnswered: t("review.alreadyAnswered"),
    isAnswer: t("review.isAnswer"),
    yourChoice: t("review.yourChoice"),
    correctPosition: t("review.correctPosition"),
    yourPosition: t("review.yourPosition"),
    notPlaced: t("review.notPlaced"),
    whyTitle: t("review.whyTitle"),
    explanation: t("review.explanation"),
    lessonLink: t("review.lessonLink"),
    nextDue: t("review.nextDue"),
    rated: t("review.rated"),
    ratings: Object.fromEntries(RATINGS.map((r) => [r, t(`review.rating.${r}`)])) as Record<RatingName, string>,
    continue: t("review.continue"),
    progressLabel: t("review.progressLabel"),
    progress: t("review.progress"),
    unexpected: t("error.unexpected"),
  };
}
export type PlayerLabels = ReturnType<typeof playerLabels>;
