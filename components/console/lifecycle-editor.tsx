"use client";
// The lifecycle policy editor: JSON with inline validation (the same parser the API uses, run in
// the browser), a rule builder that appends to the same JSON, and a preview table of what would
// expire and by which rule.
import { useMemo, useState } from "react";
import { saveLifecyclePolicyAction } from "@/app/_server/ecr-actions";
import { parseLifecyclePolicy } from "@/lib/ecr/lifecycle";
import type { Locale } from "@/lib/i18n/locales";
import { addRuleToPolicy, type RuleDraft } from "./lifecycle-builder";
import { ActionMessages, PolicyTextField, usePolicySubmit } from "./policy-field";

export type LifecycleLabels = Record<
  | "editor" | "valid" | "save" | "preview" | "delete" | "previewTitle" | "previewNone" | "previewCount" | "rule" | "action" | "tags" | "digest" | "pushedAt" | "untagged"
  | "builderTitle" | "priority" | "description" | "tagStatus" | "listKind" | "prefixes" | "patterns" | "values" | "countType" | "countNumber" | "add" | "addProblem",
  string
>;

const PLACEHOLDER = `{
  "rules": [
    {
      "rulePriority": 1,
      "description": "Expire untagged images after 14 days",
      "selection": { "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14 },
      "action": { "type": "expire" }
    }
  ]
}`;

const EMPTY_DRAFT: RuleDraft = { rulePriority: "1", description: "", tagStatus: "untagged", listKind: "tagPatternList", values: "", countType: "sinceImagePushed", countNumber: "14" };

function problemOf(text: string): string | null {
  if (!text.trim()) return null;
  try {
    parseLifecyclePolicy(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function LifecycleEditor({ locale, repositoryName, initial, labels }: { locale: Locale; repositoryName: string; initial: string; labels: LifecycleLabels }) {
  const [text, setText] = useState(initial);
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const [builderProblem, setBuilderProblem] = useState<string | null>(null);
  const { state, pending, submit: post } = usePolicySubmit(saveLifecyclePolicyAction, locale, repositoryName);
  const problem = useMemo(() => problemOf(text), [text]);
  const submit = (intent: string) => post(intent, text);
  const set = (key: keyof RuleDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  return (
    <div className="lifecycle-editor" data-testid="lifecycle-editor" aria-busy={pending}>
      <PolicyTextField id="lifecycle-problem" label={labels.editor} text={text} onChange={setText} problem={problem} validLabel={labels.valid} rows={14} placeholder={PLACEHOLDER} testId="lifecycle-json" />
      <div className="button-row">
        <button type="button" className="button" disabled={pending || !!problem || !text.trim()} onClick={() => submit("preview")}>
          {labels.preview}
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

      {state.preview && (
        <section className="panel" data-testid="lifecycle-preview">
          <h4>{labels.previewTitle}</h4>
          <p>{state.preview.rows.length ? labels.previewCount.replace("{n}", String(state.preview.expiring)) : labels.previewNone}</p>
          {state.preview.rows.length > 0 && (
            <div className="table-scroll" tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{labels.tags}</th>
                    <th scope="col">{labels.digest}</th>
                    <th scope="col">{labels.pushedAt}</th>
                    <th scope="col">{labels.rule}</th>
                    <th scope="col">{labels.action}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.preview.rows.map((r) => (
                    <tr key={r.imageDigest}>
                      <td>{r.imageTags.length ? r.imageTags.join(", ") : <span className="hint">{labels.untagged}</span>}</td>
                      <td>
                        <code title={r.imageDigest}>{r.imageDigest.slice(0, 19)}…</code>
                      </td>
                      <td>{new Date(r.imagePushedAt).toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}</td>
                      <td>{r.appliedRulePriority}</td>
                      <td>{r.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <details className="rule-builder">
        <summary>{labels.builderTitle}</summary>
        <div className="form-grid">
          <label className="field">
            <span>{labels.priority}</span>
            <input type="number" min={1} value={draft.rulePriority} onChange={set("rulePriority")} />
          </label>
          <label className="field">
            <span>{labels.description}</span>
            <input value={draft.description} onChange={set("description")} maxLength={200} />
          </label>
          <label className="field">
            <span>{labels.tagStatus}</span>
            <select value={draft.tagStatus} onChange={set("tagStatus")}>
              <option>tagged</option>
              <option>untagged</option>
              <option>any</option>
            </select>
          </label>
          {draft.tagStatus === "tagged" && (
            <>
              <label className="field">
                <span>{labels.listKind}</span>
                <select value={draft.listKind} onChange={set("listKind")}>
                  <option value="tagPatternList">{labels.patterns}</option>
                  <option value="tagPrefixList">{labels.prefixes}</option>
                </select>
              </label>
              <label className="field">
                <span>{labels.values}</span>
                <input value={draft.values} onChange={set("values")} placeholder="prod*, release-*" />
              </label>
            </>
          )}
          <label className="field">
            <span>{labels.countType}</span>
            <select value={draft.countType} onChange={set("countType")}>
              <option>sinceImagePushed</option>
              <option>imageCountMoreThan</option>
            </select>
          </label>
          <label className="field">
            <span>{labels.countNumber}</span>
            <input type="number" min={1} value={draft.countNumber} onChange={set("countNumber")} />
          </label>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            const result = addRuleToPolicy(text, draft);
            if ("problem" in result) setBuilderProblem(labels.addProblem.replace("{problem}", result.problem));
            else {
              setBuilderProblem(null);
              setText(result.text);
              setDraft({ ...draft, rulePriority: String(Number(draft.rulePriority) + 1) });
            }
          }}
        >
          {labels.add}
        </button>
        {builderProblem && <p className="field-error" role="alert">{builderProblem}</p>}
      </details>
    </div>
  );
}
