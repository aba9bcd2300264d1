"use client";
// The repository policy editor: JSON with inline validation by the same grammar the API uses.
import { useActionState, useMemo, useState, useTransition } from "react";
import { saveRepositoryPolicyAction, type ConsoleState } from "@/app/_server/ecr-actions";
import { parsePolicyDocument } from "@/lib/ecr/iam/policy-document";
import type { Locale } from "@/lib/i18n/locales";

type Labels = { editor: string; valid: string; save: string; delete: string; template: string };

function exampleFor(accountId: string): string {
  const policy = {
    Version: "2012-10-17",
    Statement: [{ Sid: "ReaderMayPull", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:user/reader` }, Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"] }],
  };
  return JSON.stringify(policy, null, 2);
}

function problemOf(text: string): string | null {
  if (!text.trim()) return null;
  try {
    parsePolicyDocument(text, "resource");
    return null;
  } catch (error) {
    return (error as { detail?: string }).detail ?? (error instanceof Error ? error.message : String(error));
  }
}

export function RepositoryPolicyEditor({ locale, repositoryName, accountId, initial, labels }: { locale: Locale; repositoryName: string; accountId: string; initial: string; labels: Labels }) {
  const [text, setText] = useState(initial);
  const [state, formAction, pending] = useActionState<ConsoleState, FormData>(saveRepositoryPolicyAction, {});
  const [, startTransition] = useTransition();
  const problem = useMemo(() => problemOf(text), [text]);
  const submit = (intent: string) => {
    const data = new FormData();
    data.set("locale", locale);
    data.set("repositoryName", repositoryName);
    data.set("policy", text);
    data.set("intent", intent);
    startTransition(() => formAction(data));
  };
  return (
    <div data-testid="repository-policy-editor" aria-busy={pending}>
      <label className="field">
        <span>{labels.editor}</span>
        <textarea className="code-input" rows={12} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby="repo-policy-problem" data-testid="repository-policy-json" />
      </label>
      <p id="repo-policy-problem" className={problem ? "field-error" : "form-ok"} aria-live="polite">
        {problem ?? (text.trim() ? labels.valid : "")}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setText(exampleFor(accountId))} disabled={pending}>
          {labels.template}
        </button>
        <button type="button" className="button button-primary" disabled={pending || !!problem || !text.trim()} onClick={() => submit("save")}>
          {labels.save}
        </button>
        {initial && (
          <button type="button" className="button button-danger" disabled={pending} onClick={() => submit("delete")}>
            {labels.delete}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {state.error && <p className="form-error" role="alert">{state.error}</p>}
        {state.ok && <p className="form-ok">{state.ok}</p>}
      </div>
    </div>
  );
}
