// Alpine package version ordering, following apk-tools' src/version.c (the tokenizer of
// apk-tools 2.14 / 3.x: token_first, token_next, token_cmp):
//   digit{.digit}...{letter}{_suffix{number}}...{~commit-hash}{-r#}
// Numbers compare numerically, except that a dotted component with a leading zero compares as
// a string ("1.01" < "1.1"); a single letter follows the digits; suffixes order
// _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p, each with an optional
// number; -rN is the package revision. Where one version runs out first, it is older, unless
// the other continues with a pre-release suffix. Text that breaks the grammar ends the
// comparison there ("invalid" tokens sort before everything else).
// @see https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c

const enum T {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNo,
  CommitHash,
  RevisionNo,
  End,
  Invalid,
}

const SUFFIXES: Record<string, number> = { alpha: 1, beta: 2, pre: 3, rc: 4, cvs: 6, svn: 7, git: 8, hg: 9, p: 10 };
const SUFFIX_NONE = 5;

type Token = { token: T; value: string; number: bigint; suffix: number };

class Cursor {
  constructor(
    readonly s: string,
    public pos = 0,
  ) {}
  get rest(): number {
    return this.s.length - this.pos;
  }
  span(re: RegExp): string {
    const start = this.pos;
    while (this.pos < this.s.length && re.test(this.s[this.pos]!)) this.pos++;
    return this.s.slice(start, this.pos);
  }
}

function parseDigits(t: Token, c: Cursor): void {
  t.value = c.span(/[0-9]/);
  if (t.value === "") t.token = T.Invalid;
  else t.number = BigInt(t.value);
}

function first(c: Cursor): Token {
  const t: Token = { token: T.InitialDigit, value: "", number: 0n, suffix: 0 };
  parseDigits(t, c);
  return t;
}

function next(t: Token, c: Cursor): void {
  if (c.rest === 0) {
    t.token = T.End;
    return;
  }
  const ch = c.s[c.pos]!;
  if (ch >= "a" && ch <= "z") {
    if (t.token > T.Digit) return void (t.token = T.Invalid);
    t.value = ch;
    t.token = T.Letter;
    c.pos++;
  } else if (ch === "." || (ch >= "0" && ch <= "9")) {
    if (ch === ".") {
      if (t.token > T.Digit) return void (t.token = T.Invalid);
      c.pos++;
    }
    if (t.token === T.InitialDigit || t.token === T.Digit) t.token = T.Digit;
    else if (t.token === T.Suffix) t.token = T.SuffixNo;
    else return void (t.token = T.Invalid);
    parseDigits(t, c);
  } else if (ch === "_") {
    if (t.token > T.SuffixNo) return void (t.token = T.Invalid);
    c.pos++;
    t.value = c.span(/[a-z]/);
    const suffix = SUFFIXES[t.value];
    if (suffix === undefined) return void (t.token = T.Invalid);
    t.suffix = suffix;
    t.token = T.Suffix;
  } else if (ch === "~") {
    if (t.token >= T.CommitHash) return void (t.token = T.Invalid);
    c.pos++;
    t.value = c.span(/[0-9a-fA-F]/);
    t.token = t.value === "" ? T.Invalid : T.CommitHash;
  } else if (ch === "-") {
    if (t.token >= T.RevisionNo || c.s[c.pos + 1] !== "r") return void (t.token = T.Invalid);
    c.pos += 2;
    t.token = T.RevisionNo;
    parseDigits(t, c);
  } else {
    t.token = T.Invalid;
  }
}

/** apk_blob_sort: byte order over the common prefix, then the shorter first. */
function blobSort(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(a.length - b.length);
}

function tokenCmp(a: Token, b: Token): number {
  let x: bigint;
  let y: bigint;
  switch (a.token) {
    case T.Digit:
      // a leading zero on either side makes it a string comparison, as in the Gentoo spec
      if (a.value.startsWith("0") || b.value.startsWith("0")) return blobSort(a.value, b.value);
      x = a.number;
      y = b.number;
      break;
    case T.InitialDigit:
    case T.SuffixNo:
    case T.RevisionNo:
      x = a.number;
      y = b.number;
      break;
    case T.Letter:
      x = BigInt(a.value.charCodeAt(0));
      y = BigInt(b.value.charCodeAt(0));
      break;
    case T.Suffix:
      x = BigInt(a.suffix);
      y = BigInt(b.suffix);
      break;
    default:
      return blobSort(a.value, b.value);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** -1, 0 or 1, as `apk version -t a b` prints <, = or >. Never throws: every string has an order. */
export function compareApkVersions(a: string, b: string): number {
  const ca = new Cursor(a);
  const cb = new Cursor(b);
  const ta = first(ca);
  const tb = first(cb);
  while (ta.token === tb.token && ta.token < T.End) {
    const r = tokenCmp(ta, tb);
    if (r !== 0) return r;
    next(ta, ca);
    next(tb, cb);
  }
  if (ta.token === tb.token) return 0;
  if (ta.token === T.Suffix && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.token === T.Suffix && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.token > tb.token) return -1;
  if (tb.token > ta.token) return 1;
  return 0;
}

/** Whether the whole string follows apk's version grammar (apk_version_validate). */
export function isValidApkVersion(value: string): boolean {
  const c = new Cursor(value);
  const t = first(c);
  while (t.token < T.End) next(t, c);
  return t.token === T.End;
}
