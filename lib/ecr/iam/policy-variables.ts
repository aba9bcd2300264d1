// Policy variables (`${aws:username}`, `${aws:PrincipalAccount}`, …) in Resource and Condition values.
// IAM substitutes them only in Version 2012-10-17 documents; in 2008-10-17 they are plain text.

import { type GlobToken, globTokens, literalTokens } from "./glob";

/** Request context keyed by lower-cased key name (IAM condition keys are case-insensitive). */
export type ContextValues = ReadonlyMap<string, readonly string[]>;

type Part = { readonly kind: "text"; readonly text: string } | { readonly kind: "value"; readonly text: string };

const VARIABLE = /\$\{([^}]*)\}/g;
const KEY_WITH_DEFAULT = /^\s*([A-Za-z0-9-]+:[^\s,'}]+)\s*(?:,\s*'([^']*)'\s*)?$/;
const SPECIAL: Record<string, string> = { "*": "*", "?": "?", $: "$" };

/**
 * Split `text` into policy text and substituted values. Returns undefined when a variable names a
 * key the request lacks (and no default is given): IAM then treats the element as not matching.
 */
function substitute(text: string, context: ContextValues, enabled: boolean): Part[] | undefined {
  if (!enabled || !text.includes("${")) return [{ kind: "text", text }];
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const start = match.index;
    parts.push({ kind: "text", text: text.slice(last, start) });
    last = start + match[0].length;
    const inner = match[1] ?? "";
    const special = Object.hasOwn(SPECIAL, inner) ? SPECIAL[inner] : undefined;
    if (special !== undefined) {
      parts.push({ kind: "value", text: special });
      continue;
    }
    const parsed = KEY_WITH_DEFAULT.exec(inner);
    if (parsed === null) {
      // Not variable syntax IAM recognises: keep it as written.
      parts.push({ kind: "text", text: match[0] });
      continue;
    }
    const values = context.get((parsed[1] ?? "").toLowerCase());
    // Only single-valued keys can be substituted.
    const value = values?.length === 1 ? values[0] : parsed[2];
    if (value === undefined) return undefined;
    parts.push({ kind: "value", text: value });
  }
  parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** For *Like operators and Resource: wildcards in the policy text, substituted values literal. */
export function resolvePattern(text: string, context: ContextValues, enabled: boolean): GlobToken[] | undefined {
  const parts = substitute(text, context, enabled);
  return parts?.flatMap((part) => (part.kind === "text" ? globTokens(part.text) : literalTokens(part.text)));
}

/** For exact-match operators: the substituted string. */
export function resolveText(text: string, context: ContextValues, enabled: boolean): string | undefined {
  return substitute(text, context, enabled)
    ?.map((part) => part.text)
    .join("");
}
