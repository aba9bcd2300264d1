// One graded exam question: verdict, the learner's choice next to the right answer, every option's
// explanation, the overall explanation and the lesson heading that teaches it.
import { CaseText } from "@/components/review/case-text";
import Link from "next/link";
import { InlineText } from "@/components/review/inline-text";
import type { ReviewedItem } from "@/lib/learn/exam/views";
import { OptionWhyList, type WhyLabels } from "@/components/review/option-why-list";
import type { Translate } from "@/lib/i18n/messages";

function whyLabels(t: Translate): WhyLabels {
  return { correctPosition: t("review.correctPosition"), yourPosition: t("review.yourPosition"), notPlaced: t("review.notPlaced"), isAnswer: t("review.isAnswer"), yourChoice: t("review.yourChoice") };
}

export function ReviewedItemCard({ item, t }: { item: ReviewedItem; t: Translate }) {
  const verdict = !item.answered ? "unanswered" : item.correct ? "correct" : "wrong";
  return (
    <article className={`review-card exam-reviewed is-${verdict}`} id={`q${item.position}`} data-testid="exam-reviewed-item" data-verdict={verdict} aria-labelledby={`q${item.position}-stem`}>
      <p className="review-meta">
        <span className="exam-position">{t("exam.questionNumber", { n: item.position })}</span>
        <span className={`badge exam-verdict-${verdict}`}>{t(verdict === "correct" ? "exam.itemCorrect" : verdict === "wrong" ? "exam.itemWrong" : "exam.itemUnanswered")}</span>
        {item.flagged && <span className="badge exam-flag-badge">⚑ {t("exam.flagged")}</span>}
        <span className="topic-chip">{t(`topic.${item.topic}`)}</span>
      </p>
      {item.caseText && <CaseText label={t("review.case")} text={item.caseText} />}
      <h3 className="review-stem" id={`q${item.position}-stem`}>
        <InlineText text={item.stem} />
      </h3>
      <OptionWhyList options={item.options} ordering={item.type === "ordering"} labels={whyLabels(t)} />
      <h4 className="review-subtitle">{t("review.explanation")}</h4>
      <p className="review-explanation">
        <InlineText text={item.explanation} />
      </p>
      <Link href={item.lessonHref} className="button button-small">
        {t("review.lessonLink")}
      </Link>
    </article>
  );
}
