// Every option of an answered question with its "why": the right answers marked, the learner's
// choice shown (for ordering questions, each step's right position and the learner's). Used by
// review feedback and by the mock-exam result.
import type { OptionFeedback } from "@/lib/learn/present";
import { fill } from "./fill";
import { InlineText } from "./inline-text";

export type WhyLabels = { correctPosition: string; yourPosition: string; notPlaced: string; isAnswer: string; yourChoice: string };

function optionClass(o: OptionFeedback, ordering: boolean): string {
  if (ordering) return o.answerPosition === o.chosenPosition ? "is-answer" : "is-misplaced";
  if (o.isAnswer) return o.chosen ? "is-answer is-chosen" : "is-answer is-missed";
  return o.chosen ? "is-wrong-choice" : "";
}

function OptionBadges({ o, ordering, labels }: { o: OptionFeedback; ordering: boolean; labels: WhyLabels }) {
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

export function OptionWhyList({ options, ordering, labels }: { options: OptionFeedback[]; ordering: boolean; labels: WhyLabels }) {
  return (
    <ol className="review-why-list">
      {options.map((o) => (
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
  );
}
