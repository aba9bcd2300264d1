"use client";
// Choosing an exam format (full length or short) and, if wanted, a different question count,
// time limit or pass mark. Blank fields keep the format's values; typed values survive an error.
import { useActionState } from "react";
import { startExamAction } from "@/app/_server/exam-actions";
import type { FormState } from "@/app/_server/form-state";
import { Field } from "@/components/forms/field";
import type { Locale } from "@/lib/i18n/locales";

type Format = { kind: "full" | "short"; title: string; description: string; summary: string };
type Labels = { start: string; starting: string; customize: string; questionCount: string; durationMinutes: string; passPercent: string; formatLegend: string };

export function StartExamForm({ locale, formats, labels }: { locale: Locale; formats: Format[]; labels: Labels }) {
  const [state, action, pending] = useActionState<FormState, FormData>(startExamAction, {});
  const kind = state.values?.kind ?? "short";
  return (
    <form action={action} className="exam-start-form" data-testid="exam-start-form" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="locale" value={locale} />
      <fieldset className="exam-formats">
        <legend>{labels.formatLegend}</legend>
        {formats.map((f) => (
          <label key={f.kind} className="exam-format">
            <input type="radio" name="kind" value={f.kind} defaultChecked={kind === f.kind} data-testid={`exam-kind-${f.kind}`} />
            <span className="exam-format-body">
              <strong>{f.title}</strong>
              <span className="exam-format-summary">{f.summary}</span>
              <span className="hint">{f.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <details className="exam-customize" open={Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length)}>
        <summary>{labels.customize}</summary>
        <div className="exam-custom-fields">
          <Field name="questionCount" label={labels.questionCount} type="number" inputMode="numeric" min={5} max={100} defaultValue={state.values?.questionCount ?? ""} error={state.fieldErrors?.questionCount} />
          <Field name="durationMinutes" label={labels.durationMinutes} type="number" inputMode="numeric" min={5} max={240} defaultValue={state.values?.durationMinutes ?? ""} error={state.fieldErrors?.durationMinutes} />
          <Field name="passPercent" label={labels.passPercent} type="number" inputMode="numeric" min={50} max={100} defaultValue={state.values?.passPercent ?? ""} error={state.fieldErrors?.passPercent} />
        </div>
      </details>
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={pending} data-testid="exam-start">
        {pending ? labels.starting : labels.start}
      </button>
    </form>
  );
}
