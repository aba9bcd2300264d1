"use client";
// Sign-in, sign-up and guest-upgrade forms: field-level errors, typed values kept on failure.
import { useActionState } from "react";
import type { FormState } from "@/app/_server/form-state";
import type { Locale } from "@/lib/i18n/locales";
import { Field } from "./field";

export type AuthFormLabels = {
  email: string;
  password: string;
  passwordHint?: string;
  displayName?: string;
  submit: string;
  pending: string;
};

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  locale: Locale;
  mode: "sign-in" | "sign-up";
  labels: AuthFormLabels;
  next?: string;
};

export function AuthForm({ action, locale, mode, labels, next }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="auth-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <Field name="email" type="email" label={labels.email} autoComplete="email" required defaultValue={state.values?.email ?? ""} error={errors.email} />
      <Field
        name="password"
        type="password"
        label={labels.password}
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        minLength={mode === "sign-up" ? 10 : undefined}
        hint={labels.passwordHint}
        error={errors.password}
      />
      {mode === "sign-up" && labels.displayName && (
        <Field name="displayName" type="text" label={labels.displayName} autoComplete="nickname" maxLength={60} defaultValue={state.values?.displayName ?? ""} error={errors.displayName} />
      )}
      <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
