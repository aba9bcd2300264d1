"use client";
// The repository policy editor: JSON with inline validation by the same grammar the API uses.
import { useMemo, useState } from "react";
import { saveRepositoryPolicyAction } from "@/app/_server/ecr-actions";
import { parsePolicyDocument } from "@/lib/ecr/iam/policy-document";
import type { Locale } from "@/lib/i18n/locales";
import { ActionMessages, PolicyTextField, usePolicySubmit } from "./policy-field";

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
  const { state, pending, submit: post } = usePolicySubmit(saveRepositoryPolicyAction, locale, repositoryName);
  const problem = useMemo(() => problemOf(text), [text]);
  const submit = (intent: string) => post(intent, text);
  return (
    <div data-testid="repository-policy-editor" aria-busy={pending}>
      <PolicyTextField id="repo-policy-problem" label={labels.editor} text={text} onChange={setText} problem={problem} validLabel={labels.valid} rows={12} testId="repository-policy-json" />
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
      <ActionMessages state={state} />
    </div>
  );
}
