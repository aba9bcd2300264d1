import type { ReactNode } from "react";

/** A boxed aside: "exam tip" or a supplementary note. */
export function Callout({ kind, title, children }: { kind: "tip" | "note"; title: string; children?: ReactNode }) {
  return (
    <aside className={`callout callout-${kind}`}>
      <p className="callout-title">
        <span aria-hidden="true">{kind === "tip" ? "🎯" : "ℹ️"}</span> {title}
      </p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
