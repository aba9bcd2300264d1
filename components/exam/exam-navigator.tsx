// Every question of the exam as a numbered button: answered ones filled, flagged ones marked, the
// current one outlined. A legend explains the marks; each button's name says its state in words.
import { fill } from "@/components/review/fill";
import type { ExamPlayerLabels } from "./labels";

export type NavigatorEntry = { position: number; answered: boolean; flagged: boolean };

type Props = { entries: NavigatorEntry[]; current: number; labels: ExamPlayerLabels; onGo(index: number): void };

export function ExamNavigator({ entries, current, labels, onGo }: Props) {
  return (
    <nav className="exam-navigator" aria-label={labels.navigator} data-testid="exam-navigator">
      <ol className="exam-nav-grid">
        {entries.map((entry, i) => {
          const state = [entry.answered ? labels.navAnswered : labels.navUnanswered, entry.flagged ? labels.navFlagged : null].filter(Boolean).join(", ");
          return (
            <li key={entry.position}>
              <button
                type="button"
                className={`exam-nav-item${entry.answered ? " is-answered" : ""}${entry.flagged ? " is-flagged" : ""}`}
                aria-current={i === current ? "step" : undefined}
                aria-label={fill(labels.navItem, { n: entry.position, state })}
                onClick={() => onGo(i)}
                data-testid="exam-nav-item"
                data-answered={entry.answered}
                data-flagged={entry.flagged}
              >
                {entry.position}
                {entry.flagged && (
                  <span className="exam-nav-flag" aria-hidden="true">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="exam-nav-legend" aria-hidden="true">
        <span>
          <span className="exam-nav-swatch is-answered" /> {labels.navAnswered}
        </span>
        <span>
          <span className="exam-nav-swatch" /> {labels.navUnanswered}
        </span>
        <span>
          <span className="exam-nav-flag">⚑</span> {labels.navFlagged}
        </span>
      </p>
    </nav>
  );
}
