// An ordering question's answer so far: the steps in the order picked, and a way to undo.
import type { PresentedQuestion } from "@/lib/learn/present";
import { InlineText } from "./inline-text";

type Labels = { yourOrder: string; orderEmpty: string; orderHint: string; undo: string };

export function OrderSequence({ question, picked, disabled, labels, onUndo }: { question: PresentedQuestion; picked: readonly string[]; disabled: boolean; labels: Labels; onUndo(): void }) {
  const text = (key: string) => question.options.find((o) => o.key === key)?.text ?? key;
  return (
    <div className="review-order" data-testid="review-order">
      <p className="review-order-title">{labels.yourOrder}</p>
      {picked.length ? (
        <ol className="review-order-list">
          {picked.map((key) => (
            <li key={key}>
              <InlineText text={text(key)} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{labels.orderEmpty}</p>
      )}
      <p className="hint">{labels.orderHint}</p>
      <button type="button" className="button button-small" onClick={onUndo} disabled={disabled || picked.length === 0}>
        {labels.undo} <kbd>Backspace</kbd>
      </button>
    </div>
  );
}
