// Debian version ordering, as dpkg implements it (lib/dpkg/version.c, Debian Policy §5.6.12):
// [epoch:]upstream[-revision]; epochs compare as numbers, then upstream and revision with
// verrevcmp: alternating non-digit and digit runs; in non-digit runs "~" sorts before
// everything (even the end of the string), then the end, then letters, then other characters;
// digit runs compare as numbers.
// @see https://www.debian.org/doc/debian-policy/ch-controlfields.html#version

export type DebianVersion = { epoch: number; upstream: string; revision: string };

/** Splits a version like dpkg's parseversion: epoch before the first ":", revision after the last "-".
 * Returns null when the epoch is not a number or the upstream part is empty. */
export function parseDebianVersion(value: string): DebianVersion | null {
  const version = value.trim();
  let epoch = 0;
  let rest = version;
  const colon = version.indexOf(":");
  if (colon >= 0) {
    const e = version.slice(0, colon);
    if (!/^\d+$/.test(e)) return null;
    epoch = Number(e);
    rest = version.slice(colon + 1);
  }
  const hyphen = rest.lastIndexOf("-");
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : "";
  if (!upstream) return null;
  return { epoch, upstream, revision };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** dpkg's order(): 0 for the end and for digits, -1 for "~", letters by code, others after letters. */
function order(c: number): number {
  if (Number.isNaN(c) || isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/** dpkg's verrevcmp on one part (upstream or revision). */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const at = (s: string, k: number) => (k < s.length ? s.charCodeAt(k) : Number.NaN);
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ac = order(at(a, i));
      const bc = order(at(b, j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (at(a, i) === 48) i++;
    while (at(b, j) === 48) j++;
    while (isDigit(at(a, i)) && isDigit(at(b, j))) {
      if (!firstDiff) firstDiff = at(a, i) - at(b, j);
      i++;
      j++;
    }
    if (isDigit(at(a, i))) return 1;
    if (isDigit(at(b, j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Compares two parsed versions: negative, zero or positive. */
export function compareParsedDebianVersions(a: DebianVersion, b: DebianVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const upstream = verrevcmp(a.upstream, b.upstream);
  if (upstream !== 0) return Math.sign(upstream);
  return Math.sign(verrevcmp(a.revision, b.revision));
}

/** -1, 0 or 1 like `dpkg --compare-versions`; null when either string is not a Debian version. */
export function compareDebianVersions(a: string, b: string): number | null {
  const pa = parseDebianVersion(a);
  const pb = parseDebianVersion(b);
  return pa && pb ? compareParsedDebianVersions(pa, pb) : null;
}
