// The options of a question being answered: big numbered buttons (the number is the shortcut).
// For ordering questions each pick appends to the learner's sequence, shown with its position.
import type { PresentedQuestion } from "@/lib/learn/present";
import { InlineText } from "./inline-text";

type Props = { question: PresentedQuestion; picked: readonly string[]; disabled: boolean; label: string; onPick(index: number): void };

export function OptionList({ question, picked, disabled, label, onPick }: Props) {
  const ordering = question.type === "ordering";
  return (
    <ol className="review-options" aria-label={label}>
      {question.options.map((option, i) => {
        const position = picked.indexOf(option.key);
        const selected = position >= 0;
        return (
          <li key={option.key}>
            <button
              type="button"
              className={`review-option${selected ? " is-selected" : ""}`}
              aria-pressed={selected}
              disabled={disabled}
              onClick={() => onPick(i)}
              data-review-option=""
              data-testid="review-option"
            >
              <kbd className="review-option-key" aria-hidden="true">
                {i + 1}
              </kbd>
              <span className="review-option-text">
                <InlineText text={option.text} />
              </span>
              {ordering && selected && <span className="review-order-badge">{position + 1}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
