"use client";
// A one-button destructive form (delete repository, delete image) that asks for confirmation and
// shows the server's error next to the button.
import { useActionState, type ReactNode } from "react";
import type { RegistryFormState } from "@/app/_server/registry-actions";

type Props = {
  action: (state: RegistryFormState, form: FormData) => Promise<RegistryFormState>;
  fields: Record<string, string>;
  label: string;
  confirm: string;
  children?: ReactNode;
  testId?: string;
};

export function ConfirmForm({ action, fields, label, confirm, testId }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="confirm-form"
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button-danger" disabled={pending} data-testid={testId}>
        {label}
      </button>
      {state.error && (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
