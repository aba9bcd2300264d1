// IAM wildcard matching: `*` = any run of characters (including none), `?` = exactly one.
// A linear two-pointer matcher rather than a RegExp, so hostile patterns like "*a*a*a*a*b"
// cannot cause catastrophic backtracking.

export type GlobToken = { readonly t: "lit"; readonly c: string } | { readonly t: "star" } | { readonly t: "one" };

const STAR: GlobToken = { t: "star" };
const ONE: GlobToken = { t: "one" };

/** Literal characters only: wildcards inside substituted policy variables stay literal. */
export function literalTokens(text: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < text.length; i++) tokens.push({ t: "lit", c: text.charAt(i) });
  return tokens;
}

/** `*` and `?` are wildcards; every other character is literal. */
export function globTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    tokens.push(c === "*" ? STAR : c === "?" ? ONE : { t: "lit", c });
  }
  return tokens;
}

export function matchTokens(tokens: readonly GlobToken[], subject: string): boolean {
  let p = 0;
  let s = 0;
  let starAt = -1;
  let starSubject = 0;
  while (s < subject.length) {
    const token = tokens[p];
    if (token !== undefined && (token.t === "one" || (token.t === "lit" && token.c === subject.charAt(s)))) {
      p++;
      s++;
    } else if (token !== undefined && token.t === "star") {
      starAt = p++;
      starSubject = s;
    } else if (starAt >= 0) {
      // Let the last star swallow one more character and retry.
      p = starAt + 1;
      s = ++starSubject;
    } else {
      return false;
    }
  }
  while (tokens[p]?.t === "star") p++;
  return p === tokens.length;
}

export function globMatch(pattern: string, subject: string, ignoreCase = false): boolean {
  return ignoreCase
    ? matchTokens(globTokens(pattern.toLowerCase()), subject.toLowerCase())
    : matchTokens(globTokens(pattern), subject);
}
