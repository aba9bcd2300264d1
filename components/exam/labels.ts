// The strings the client-side exam player needs, translated on the server. Templates keep their
// {placeholders}; fill() completes them in the browser.
import type { Translate } from "@/lib/i18n/messages";

export function examPlayerLabels(t: Translate) {
  return {
    case: t("review.case"),
    chooseOne: t("review.chooseOne"),
    chooseN: t("review.chooseN"),
    chooseFewer: t("review.chooseFewer"),
    putInOrder: t("review.putInOrder"),
    options: t("review.options"),
    yourOrder: t("review.yourOrder"),
    orderEmpty: t("review.orderEmpty"),
    orderHint: t("review.orderHint"),
    undo: t("review.undo"),
    timeLeft: t("exam.timeLeft"),
    questionOf: t("exam.questionOf"),
    navigator: t("exam.navigator"),
    navAnswered: t("exam.navAnswered"),
    navFlagged: t("exam.navFlagged"),
    navUnanswered: t("exam.navUnanswered"),
    navItem: t("exam.navItem"),
    flag: t("exam.flag"),
    unflag: t("exam.unflag"),
    flagged: t("exam.flagged"),
    prev: t("exam.prev"),
    next: t("exam.next"),
    reviewSubmit: t("exam.reviewSubmit"),
    submitTitle: t("exam.submitTitle"),
    submitConfirm: t("exam.submitConfirm"),
    unansweredCount: t("exam.unansweredCount"),
    flaggedCount: t("exam.flaggedCount"),
    allAnswered: t("exam.allAnswered"),
    submit: t("exam.submit"),
    keepWorking: t("exam.keepWorking"),
    submitting: t("exam.submitting"),
    saving: t("exam.saving"),
    saved: t("exam.saved"),
    saveFailed: t("exam.saveFailed"),
    timeUp: t("exam.timeUp"),
    fiveMinutes: t("exam.fiveMinutes"),
    shortcuts: t("exam.shortcuts"),
    partialHint: t("exam.partialHint"),
    unexpected: t("error.unexpected"),
  };
}
export type ExamPlayerLabels = ReturnType<typeof examPlayerLabels>;
