// A documented subset of PEP 440 ordering for PyPI packages:
//   [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]
// with the spec's normalisations (case, "alpha"/"beta"/"c"/"pre"/"preview" spellings, "-N" as a
// post release, optional separators and numbers). Order: epoch, then the release with trailing
// zeros ignored (1.0 == 1.0.0), then dev < a < b < rc < final < post (a ".devN" of a final
// release comes before its pre-releases), then the local label (a version with one sorts after
// the same version without; segments compare numerically when both are numbers, and a number
// sorts after a word). Anything else (legacy versions) is not comparable and returns null.
// @see https://peps.python.org/pep-0440/#summary-of-permitted-suffixes-and-relative-ordering

type Key = { epoch: number; release: number[]; pre: [number, number]; post: number; dev: number; local: string[] | null };

const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/;

const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

function parseKey(value: string): Key | null {
  const m = PEP440.exec(value.trim().toLowerCase());
  if (!m) return null;
  const release = m[2]!.split(".").map(Number);
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  const hasPre = m[3] !== undefined;
  const hasPost = m[5] !== undefined || m[6] !== undefined;
  const hasDev = m[8] !== undefined;
  const pre: [number, number] = hasPre ? [PRE_RANK[m[3]!]!, Number(m[4] ?? 0)] : !hasPost && hasDev ? [-1, 0] : [3, 0];
  return {
    epoch: Number(m[1] ?? 0),
    release,
    pre,
    post: hasPost ? Number(m[5] ?? m[7] ?? 0) : -1,
    dev: hasDev ? Number(m[9] ?? 0) : Number.POSITIVE_INFINITY,
    local: m[10] ? m[10].split(/[-_.]/) : null,
  };
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLocal(a: string[] | null, b: string[] | null): number {
  if (!a || !b) return a === b ? 0 : a ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    const r = xn && yn ? cmp(Number(x), Number(y)) : xn !== yn ? (xn ? 1 : -1) : x < y ? -1 : x > y ? 1 : 0;
    if (r !== 0) return r;
  }
  return cmp(a.length, b.length);
}

/** -1, 0 or 1; null when either string is outside the supported PEP 440 grammar. */
export function comparePep440(a: string, b: string): number | null {
  const ka = parseKey(a);
  const kb = parseKey(b);
  if (!ka || !kb) return null;
  if (ka.epoch !== kb.epoch) return cmp(ka.epoch, kb.epoch);
  for (let i = 0; i < Math.max(ka.release.length, kb.release.length); i++) {
    const r = cmp(ka.release[i] ?? 0, kb.release[i] ?? 0);
    if (r !== 0) return r;
  }
  return cmp(ka.pre[0], kb.pre[0]) || cmp(ka.pre[1], kb.pre[1]) || cmp(ka.post, kb.post) || cmp(ka.dev, kb.dev) || compareLocal(ka.local, kb.local);
}
