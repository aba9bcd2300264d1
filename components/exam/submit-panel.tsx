// "Review and submit": how many questions are unanswered or flagged (each a link back to the
// first such question), then an explicit submit. Nothing is graded without this confirmation,
// except by the deadline.
import { fill } from "@/components/review/fill";
import type { ExamPlayerLabels } from "./labels";

type Props = { unanswered: number[]; flagged: number[]; submitting: boolean; labels: ExamPlayerLabels; onGo(position: number): void; onSubmit(): void; onBack(): void };

export function SubmitPanel({ unanswered, flagged, submitting, labels, onGo, onSubmit, onBack }: Props) {
  return (
    <section className="exam-submit-panel" aria-labelledby="exam-submit-title" data-testid="exam-submit-panel">
      <h2 id="exam-submit-title">{labels.submitTitle}</h2>
      <p>{labels.submitConfirm}</p>
      <ul className="exam-submit-counts">
        {unanswered.length === 0 ? (
          <li>{labels.allAnswered}</li>
        ) : (
          <li>
            <button type="button" className="link-button" onClick={() => onGo(unanswered[0]!)} data-testid="exam-unanswered-count">
              {fill(labels.unansweredCount, { n: unanswered.length })}
            </button>
          </li>
        )}
        {flagged.length > 0 && (
          <li>
            <button type="button" className="link-button" onClick={() => onGo(flagged[0]!)} data-testid="exam-flagged-count">
              {fill(labels.flaggedCount, { n: flagged.length })}
            </button>
          </li>
        )}
      </ul>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onSubmit} disabled={submitting} data-testid="exam-submit">
          {submitting ? labels.submitting : labels.submit}
        </button>
        <button type="button" className="button" onClick={onBack} disabled={submitting}>
          {labels.keepWorking}
        </button>
      </div>
    </section>
  );
}
