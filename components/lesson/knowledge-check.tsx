"use client";
// An inline multiple-choice question inside a lesson: pick, check, read the explanation.
import { useId, useState } from "react";

export type KnowledgeCheckLabels = { title: string; check: string; correct: string; incorrect: string; tryAgain: string };

type Props = { question: string; options: string[]; answer: number; explanation: string; labels: KnowledgeCheckLabels };

export function KnowledgeCheck({ question, options, answer, explanation, labels }: Props) {
  const id = useId();
  const [selected, setSelected] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const correct = checked && selected === answer;
  return (
    <section className="knowledge-check" aria-labelledby={`${id}-title`}>
      <p className="knowledge-check-title" id={`${id}-title`}>
        <span aria-hidden="true">✅</span> {labels.title}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (selected !== null) setChecked(true);
        }}
      >
        <fieldset disabled={checked}>
          <legend>{question}</legend>
          {options.map((option, i) => (
            <label key={i} className={`kc-option${checked && i === answer ? " kc-answer" : ""}${checked && i === selected && i !== answer ? " kc-wrong" : ""}`}>
              <input type="radio" name={`${id}-choice`} value={i} checked={selected === i} onChange={() => setSelected(i)} />
              <span>{option}</span>
            </label>
          ))}
        </fieldset>
        {!checked ? (
          <button type="submit" className="button" disabled={selected === null}>
            {labels.check}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setChecked(false);
              setSelected(null);
            }}
          >
            {labels.tryAgain}
          </button>
        )}
      </form>
      <div aria-live="polite">
        {checked && (
          <div className={`kc-feedback ${correct ? "kc-feedback-correct" : "kc-feedback-wrong"}`}>
            <p className="kc-verdict">{correct ? `✓ ${labels.correct}` : `✗ ${labels.incorrect}`}</p>
            <p>{explanation}</p>
          </div>
        )}
      </div>
    </section>
  );
}
