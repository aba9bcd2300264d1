"use client";
// Highlighted code with a copy button (replaces <pre> in lessons).
import { useRef, useState, type ComponentProps } from "react";

export type CopyLabels = { copy: string; copied: string; failed: string };

export function CodeBlock({ labels, ...props }: ComponentProps<"pre"> & { labels: CopyLabels }) {
  const ref = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(ref.current?.innerText.replace(/\n$/, "") ?? "");
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <div className="code-block">
      <pre ref={ref} tabIndex={0} {...props} />
      <button type="button" className="copy-button" onClick={copy} aria-live="polite">
        {state === "copied" ? labels.copied : state === "failed" ? labels.failed : labels.copy}
      </button>
    </div>
  );
}
