"use client";
// A console form: submits to a server action, keeps what was typed (no reset on failure, unlike
// React's default for form actions), disables its fields while the action runs and announces the
// result. Children are ordinary inputs and buttons.
import { useActionState, useTransition, type ReactNode } from "react";
import type { ConsoleState } from "@/app/_server/ecr-actions";
import type { Locale } from "@/lib/i18n/locales";
import { ActionMessages } from "./policy-field";

type Props = {
  action: (state: ConsoleState, form: FormData) => Promise<ConsoleState>;
  locale: Locale;
  hidden?: Record<string, string>;
  className?: string;
  testId?: string;
  children: ReactNode;
  /** Renders extra results (preview table, simulation) below the form. */
  result?: (state: ConsoleState) => ReactNode;
};

export function ConsoleForm({ action, locale, hidden = {}, className, testId, children, result }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [, startTransition] = useTransition();
  return (
    <form
      className={className}
      data-testid={testId}
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset disabled={pending} className="console-fieldset">
        {children}
      </fieldset>
      <ActionMessages state={state} />
      {result?.(state)}
    </form>
  );
}
