// Immediate feedback: verdict, every option with its "why" (the right answers marked, the learner's
// choice shown), the overall explanation, the lesson heading that teaches it, and the next due date.
import Link from "next/link";
import type { RefObject } from "react";
import type { Feedback, OptionFeedback } from "@/lib/learn/present";
import type { PlayerLabels } from "./labels";
import { fill } from "./fill";
import { InlineText } from "./inline-text";

type Props = { feedback: Feedback; labels: PlayerLabels; continuing: boolean; continueRef: RefObject<HTMLButtonElement | null>; onContinue(): void };

function optionClass(o: OptionFeedback, ordering: boolean): string {
  if (ordering) return o.answerPosition === o.chosenPosition ? "is-answer" : "is-misplaced";
  if (o.isAnswer) return o.chosen ? "is-answer is-chosen" : "is-answer is-missed";
  return o.chosen ? "is-wrong-choice" : "";
}

function OptionBadges({ o, ordering, labels }: { o: OptionFeedback; ordering: boolean; labels: PlayerLabels }) {
  if (ordering) {
    return (
      <span className="review-why-badges">
        <span className="review-badge review-badge-answer">{fill(labels.correctPosition, { n: o.answerPosition ?? "-" })}</span>
        <span className={`review-badge ${o.answerPosition === o.chosenPosition ? "review-badge-answer" : "review-badge-wrong"}`}>{o.chosenPosition ? fill(labels.yourPosition, { n: o.chosenPosition }) : labels.notPlaced}</span>
      </span>
    );
  }
  return (
    <span className="review-why-badges">
      {o.isAnswer && <span className="review-badge review-badge-answer">✓ {labels.isAnswer}</span>}
      {o.chosen && <span className={`review-badge ${o.isAnswer ? "review-badge-answer" : "review-badge-wrong"}`}>{o.isAnswer ? "● " : "✗ "}{labels.yourChoice}</span>}
    </span>
  );
}

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
      <ol className="review-why-list">
        {feedback.options.map((o) => (
          <li key={o.key} className={`review-why ${optionClass(o, ordering)}`} data-testid="review-why">
            <div className="review-why-head">
              <span className="review-why-text">
                <InlineText text={o.text} />
              </span>
              <OptionBadges o={o} ordering={ordering} labels={labels} />
            </div>
            <p className="review-why-body">
              <InlineText text={o.why} />
            </p>
          </li>
        ))}
      </ol>
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
