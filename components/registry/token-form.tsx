"use client";
// Issues a registry password and shows it with ready-to-run login commands.
import { useActionState } from "react";
import { issueTokenAction, type RegistryFormState } from "@/app/_server/registry-actions";
import type { Locale } from "@/lib/i18n/locales";
import { CodeBlock, type CopyLabels } from "@/components/lesson/code-block";

type Labels = { issue: string; pending: string; expires: string; docker: string; skopeo: string; once: string; copy: CopyLabels };

export function TokenForm({ locale, host, labels }: { locale: Locale; host: string; labels: Labels }) {
  const [state, action, pending] = useActionState<RegistryFormState, FormData>(issueTokenAction, {});
  const token = state.token;
  return (
    <div>
      <form action={action}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button-primary" disabled={pending} data-testid="issue-token">
          {pending ? labels.pending : labels.issue}
        </button>
      </form>
      {state.error && <p className="form-error" role="alert">{state.error}</p>}
      {token && (
        <div className="token-result" aria-live="polite">
          <p>
            {labels.expires}: <time dateTime={token.expiresAt}>{new Date(token.expiresAt).toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}</time>
          </p>
          <h2>{labels.docker}</h2>
          <CodeBlock labels={labels.copy}>
            <code data-testid="docker-login">{`echo '${token.password}' | docker login --username AWS --password-stdin ${host}`}</code>
          </CodeBlock>
          <h2>{labels.skopeo}</h2>
          <CodeBlock labels={labels.copy}>
            <code>{`skopeo login --tls-verify=false --username AWS --password '${token.password}' ${host}`}</code>
          </CodeBlock>
          <p className="hint">{labels.once}</p>
        </div>
      )}
    </div>
  );
}
