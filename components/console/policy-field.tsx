"use client";
// Pieces shared by the console's JSON policy editors: the text area with its live validation line,
// the submit hook that posts {repositoryName, policy, intent}, and the result messages.
import { useActionState, useTransition } from "react";
import type { ConsoleState } from "@/app/_server/ecr-actions";
import type { Locale } from "@/lib/i18n/locales";

type Action = (state: ConsoleState, form: FormData) => Promise<ConsoleState>;

export function usePolicySubmit(action: Action, locale: Locale, repositoryName: string) {
  const [state, formAction, pending] = useActionState<ConsoleState, FormData>(action, {});
  const [, startTransition] = useTransition();
  const submit = (intent: string, text: string) => {
    const data = new FormData();
    data.set("locale", locale);
    data.set("repositoryName", repositoryName);
    data.set("policy", text);
    data.set("intent", intent);
    startTransition(() => formAction(data));
  };
  return { state, pending, submit };
}

type FieldProps = { id: string; label: string; text: string; onChange: (text: string) => void; problem: string | null; validLabel: string; rows: number; placeholder?: string; testId: string };

export function PolicyTextField({ id, label, text, onChange, problem, validLabel, rows, placeholder, testId }: FieldProps) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <textarea className="code-input" rows={rows} spellCheck={false} placeholder={placeholder} value={text} onChange={(e) => onChange(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={id} data-testid={testId} />
      </label>
      <p id={id} className={problem ? "field-error" : "form-ok"} aria-live="polite">
        {problem ?? (text.trim() ? validLabel : "")}
      </p>
    </>
  );
}

export function ActionMessages({ state }: { state: ConsoleState }) {
  return (
    <div aria-live="polite">
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {state.ok && <p className="form-ok">{state.ok}</p>}
    </div>
  );
}
