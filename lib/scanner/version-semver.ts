// Semantic Versioning 2.0.0 precedence (§11), for npm packages: major.minor.patch compare as
// numbers; a pre-release sorts before its release; pre-release identifiers compare left to
// right, numeric ones as numbers and below alphanumeric ones, and a shorter list sorts first
// when all shared identifiers are equal. Build metadata ("+...") is ignored. A leading "v" is
// accepted, as npm does.
// @see https://semver.org/#spec-item-11

export type SemVer = { release: [bigint, bigint, bigint]; prerelease: string[] };

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function parseSemver(value: string): SemVer | null {
  const m = SEMVER.exec(value.trim());
  if (!m) return null;
  return { release: [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)], prerelease: m[4] ? m[4].split(".") : [] };
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareParsedSemver(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    if (a.release[i]! !== b.release[i]!) return a.release[i]! < b.release[i]! ? -1 : 1;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const r = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (r !== 0) return r;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

/** -1, 0 or 1; null when either string is not a semantic version. */
export function compareSemver(a: string, b: string): number | null {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  return pa && pb ? compareParsedSemver(pa, pb) : null;
}
