// Immediate feedback: verdict, every option with its "why" (the right answers marked, the learner's
// choice shown), the overall explanation, the lesson heading that teaches it, and the next due date.
import Link from "next/link";
import type { RefObject } from "react";
import type { Feedback } from "@/lib/learn/present";
import type { PlayerLabels } from "./labels";
import { fill } from "./fill";
import { InlineText } from "./inline-text";
import { OptionWhyList } from "./option-why-list";

type Props = { feedback: Feedback; labels: PlayerLabels; continuing: boolean; continueRef: RefObject<HTMLButtonElement | null>; onContinue(): void };

export function FeedbackPanel({ feedback, labels, continuing, continueRef, onContinue }: Props) {
  const ordering = feedback.type === "ordering";
  return (
    <section className={`review-feedback ${feedback.correct ? "is-correct" : "is-incorrect"}`} data-testid="review-feedback" aria-labelledby="review-verdict">
      <p className="review-verdict" id="review-verdict" role="status">
        <span aria-hidden="true">{feedback.correct ? "✓" : "✗"}</span> {feedback.correct ? labels.correct : labels.incorrect}
        <span className="review-rated">{fill(labels.rated, { rating: labels.ratings[feedback.rating] })}</span>
      </p>
      {feedback.partial && <p className="review-note">{labels.partial}</p>}
      {feedback.alreadyAnswered && <p className="review-note">{labels.alreadyAnswered}</p>}
      <h3 className="review-subtitle">{labels.whyTitle}</h3>
      <OptionWhyList options={feedback.options} ordering={ordering} labels={labels} />
      <h3 className="review-subtitle">{labels.explanation}</h3>
      <p className="review-explanation">
        <InlineText text={feedback.explanation} />
      </p>
      <p className="review-next-due" data-testid="review-next-due">
        {fill(labels.nextDue, { when: feedback.nextDueText })}
      </p>
      <div className="review-feedback-actions">
        <Link href={feedback.lessonHref} className="button" data-testid="review-lesson-link">
          {labels.lessonLink}
        </Link>
        <button type="button" className="button button-primary" ref={continueRef} onClick={onContinue} disabled={continuing} data-testid="review-continue">
          {labels.continue} <kbd>Space</kbd>
        </button>
      </div>
    </section>
  );
}
