"use client";
import { useActionState } from "react";
import { createRepositoryAction, type RegistryFormState } from "@/app/_server/registry-actions";
import type { Locale } from "@/lib/i18n/locales";
import { Field } from "@/components/forms/field";

export function CreateRepositoryForm({ locale, labels }: { locale: Locale; labels: { name: string; hint: string; submit: string; pending: string } }) {
  const [state, action, pending] = useActionState<RegistryFormState, FormData>(createRepositoryAction, {});
  return (
    <form action={action} className="inline-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <Field name="name" label={labels.name} hint={labels.hint} required maxLength={256} autoComplete="off" spellCheck={false} defaultValue={state.values?.name ?? ""} error={state.error} key={JSON.stringify(state)} />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
