// Version ordering per ecosystem. Tables of known orderings (Debian Policy's examples, apk-tools'
// own test data, SemVer §11, PEP 440's ordering example), `dpkg --compare-versions` on random
// pairs when dpkg is installed, and order properties for every scheme.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareApkVersions, compareDebianVersions, comparePep440, compareSemver, isValidApkVersion } from "@/lib/scanner";

type Compare = (a: string, b: string) => number | null;
const sym = (n: number | null) => (n === null ? "?" : n < 0 ? "<" : n > 0 ? ">" : "=");
const flip: Record<string, string> = { "<": ">", ">": "<", "=": "=" };

function checkTable(compare: Compare, rows: string[]) {
  for (const row of rows) {
    const [a, op, b] = row.split(/\s+/);
    expect(sym(compare(a!, b!)), row).toBe(op);
    expect(sym(compare(b!, a!)), `${b} ${flip[op!]} ${a}`).toBe(flip[op!]);
  }
}

/** A chain a < b < c < … checked pairwise, in both directions. */
function checkChain(compare: Compare, chain: string[]) {
  for (let i = 0; i < chain.length; i++) {
    for (let j = 0; j < chain.length; j++) expect(sym(compare(chain[i]!, chain[j]!)), `${chain[i]} vs ${chain[j]}`).toBe(i < j ? "<" : i > j ? ">" : "=");
  }
}

function orderProperties(name: string, compare: Compare, version: fc.Arbitrary<string>) {
  describe(`${name} — order properties`, () => {
    it("is reflexive and antisymmetric", () => {
      fc.assert(
        fc.property(version, version, (a, b) => {
          expect(compare(a, a)).toBe(0);
          expect(Math.sign(compare(a, b)!)).toBe(-Math.sign(compare(b, a)!) || 0);
        }),
        { numRuns: 500, seed: 7 },
      );
    });
    it("is transitive on triples", () => {
      fc.assert(
        fc.property(fc.array(version, { minLength: 3, maxLength: 3 }), (triple) => {
          const [a, b, c] = [...triple].sort((x, y) => compare(x, y)!);
          expect(compare(a!, b!)!).toBeLessThanOrEqual(0);
          expect(compare(b!, c!)!).toBeLessThanOrEqual(0);
          expect(compare(a!, c!)!).toBeLessThanOrEqual(0);
        }),
        { numRuns: 500, seed: 11 },
      );
    });
  });
}

const debVersion = fc
  .tuple(
    fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    fc.stringMatching(/^[0-9][0-9a-zA-Z.+~]{0,7}$/),
    fc.option(fc.stringMatching(/^[0-9a-zA-Z+.~]{1,6}$/), { nil: undefined }),
  )
  .map(([epoch, upstream, revision]) => `${epoch === undefined ? "" : `${epoch}:`}${upstream}${revision === undefined ? "" : `-${revision}`}`);

describe("dpkg versions — Debian Policy §5.6.12", () => {
  it("orders the policy's tilde example and common archive versions", () => {
    checkChain((a, b) => compareDebianVersions(`1.0${a}`, `1.0${b}`), ["~~", "~~a", "~", "", "a"]);
    checkTable(compareDebianVersions, [
      "1.0~rc1 < 1.0",
      "1.0 < 1.0+b1",
      "1.0 < 1.0a",
      "1.0 < 1.0.",
      "1:1.0 > 2.0",
      "0:1.0 = 1.0",
      "1.0 = 1.0-0",
      "1.010 = 1.10",
      "1.9 < 1.10",
      "1.0-9 < 1.0-10",
      "1.1.1k-1+deb11u1 < 1.1.1k-1+deb11u2",
      "1.1.1k-1+deb11u2 < 1.1.1n-0+deb11u1",
      "1:1.2.11.dfsg-2+deb11u1 < 1:1.2.11.dfsg-2+deb11u2",
      "1:1.2.11.dfsg-2+deb11u2 > 1.2.13",
      "5.2.5-2.1~deb11u1 < 5.2.5-2.1",
      "2.36-9+deb12u3 > 2.36-9",
      "2.36-9+deb12u10 > 2.36-9+deb12u4",
      "6.1.0-0~bpo11+1 < 6.1.0-1",
      "9.2p1-2+deb12u3 < 1:9.2p1-2+deb12u3",
      "1:9.2p1-2+deb12u2 < 1:9.2p1-2+deb12u3",
      "5.6.1+really5.4.5-1 > 5.6.1-1",
    ]);
  });

  it("rejects what is not a version", () => {
    expect(compareDebianVersions("x:1.0", "1.0")).toBeNull();
    expect(compareDebianVersions("", "1.0")).toBeNull();
  });
});

const hasDpkg = spawnSync("dpkg", ["--version"]).status === 0;
if (process.env.CI === "true" && !hasDpkg) throw new Error("CI=true but dpkg is not installed: Debian version ordering cannot be checked against dpkg.");

describe.skipIf(!hasDpkg)("dpkg versions — agree with `dpkg --compare-versions` (needs dpkg; required when CI=true)", () => {
  it("on 300 random pairs and every table row", () => {
    const pairs = fc.sample(fc.tuple(debVersion, debVersion), { numRuns: 300, seed: 42 });
    pairs.push(["1.0~rc1", "1.0"], ["1:1.0", "2.0"], ["1.0", "1.0-0"], ["5.2.5-2.1~deb11u1", "5.2.5-2.1"], ["1.0a", "1.0+"]);
    const script = 'while read -r a b; do if dpkg --compare-versions "$a" lt "$b"; then echo "<"; elif dpkg --compare-versions "$a" eq "$b"; then echo "="; else echo ">"; fi; done';
    const r = spawnSync("bash", ["-c", script], { input: pairs.map(([a, b]) => `${a} ${b}`).join("\n") + "\n", encoding: "utf8" });
    expect(r.status).toBe(0);
    const dpkgSays = r.stdout.trim().split("\n");
    const mismatches = pairs.filter(([a, b], i) => sym(compareDebianVersions(a, b)) !== dpkgSays[i]).map(([a, b]) => `${a} vs ${b}`);
    expect(mismatches).toEqual([]);
    expect(dpkgSays).toHaveLength(pairs.length);
  });
});

orderProperties("dpkg versions", compareDebianVersions, debVersion);

describe("apk versions — apk-tools src/version.c", () => {
  it("orders pairs from apk-tools' test/version.data", () => {
    checkTable(compareApkVersions, [
      "2.34 > 0.1.0_alpha",
      "23_foo > 4_beta",
      "1.0 < 1.0bc",
      "0.1.0_alpha2 > 0.1.0_alpha",
      "1.1 > 1.1_alpha1",
      "1.2.1 > 1.2",
      "1.2 < 1.3_alpha",
      "0.8_beta4 < 4.8-r1",
      "2.3.0b-r1 < 2.3.0b-r2",
      "1.2.11 < 1.2.12.1",
      "3.1_p16 < 3.1_p17",
      "1.06-r6 < 006",
      "1.2.2-r1 > 1.2.2",
      "1.39 > 1.00_beta2",
      "1.02 < 1.03-r1",
      "4.2.52_p2-r1 < 4.2.52_p4-r2",
      "2.5.1-r8 < 2.5.1a-r1",
      "2.0.0_rc3-r1 > 1.5",
      "021109-r3 < 20060512",
      "0.10.0 < 0.10.1_rc1",
      "0.15.1b-r2 > 0.15.1b",
      "22.7.3-r1 > 22.7",
      "22.7 > 2.1_pre20",
      "2.10.1 > 02.08.01b",
      "1.6d > 1.2.07.8",
      "1.2.07.8 < 1.2.12.04",
      "1.07.5 > 1.07",
      "0.20070118 < 0.20070207_rc1",
      "4.5_p1-r1 > 4.5_p1",
      "0.9.8c-r1 < 0.9.8d",
      "1.8.5 < 1.8.5_p2",
      "2.9.11_pre20051101-r3 > 2.9.11_pre20051101",
      "0.9.28.1 < 087-r1",
      "104-r11 > 104-r9",
      "7.0.17 < 7.0.174",
      "1.3_pre1-r1 < 1.3.2",
      "1.0_p10-r0 > 1.0_p9-r0",
      "0.1.0_alpha_pre2 < 0.1.0_alpha",
      "1.0.0_pre20191002222144-r0 < 1.0.0_pre20210530193627-r0",
      "6.0_pre1 < 6.0",
      "6.0_p1 > 6.0",
    ]);
  });

  it("orders suffixes _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p, then -rN", () => {
    checkChain(compareApkVersions, ["1.0_alpha", "1.0_alpha1", "1.0_beta", "1.0_pre2", "1.0_rc1", "1.0_rc10", "1.0", "1.0-r1", "1.0-r10", "1.0_cvs", "1.0_svn", "1.0_git20240101", "1.0_hg", "1.0_p1", "1.0_p2-r0", "1.0a", "1.0.1"]);
  });

  it("orders the Alpine security fixes the feed uses", () => {
    checkTable(compareApkVersions, ["1.1.1l-r8 < 1.1.1n-r0", "1.1.1k-r0 < 1.1.1n-r0", "1.1.1q-r0 > 1.1.1n-r0", "3.0.1-r0 < 3.0.2-r0", "1.2.11-r3 < 1.2.12-r0", "1.2.12-r1 < 1.2.12-r2", "1.35.0-r13 < 1.35.0-r15", "5.2.5-r0 < 5.2.5-r1", "1.12-r0 > 1.11-r0"]);
  });

  it("compares a dotted part with a leading zero as a string, and validates the grammar", () => {
    checkTable(compareApkVersions, ["1.01 < 1.1", "1.010 < 1.10", "1.001 < 1.01"]);
    expect(isValidApkVersion("1.2.3_rc1-r4")).toBe(true);
    expect(isValidApkVersion("1.0~abc123-r0")).toBe(true);
    expect(isValidApkVersion("1.2ab")).toBe(false);
    expect(isValidApkVersion("1.9.5p2-r0")).toBe(false);
    expect(isValidApkVersion("")).toBe(false);
  });
});

const apkVersion = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
    fc.option(fc.constantFrom("a", "b", "z"), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"), fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined })), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  )
  .map(([digits, letter, suffix, rev]) => `${digits.join(".")}${letter ?? ""}${suffix ? `_${suffix[0]}${suffix[1] ?? ""}` : ""}${rev === undefined ? "" : `-r${rev}`}`);
orderProperties("apk versions", compareApkVersions, apkVersion);

describe("semver (npm)", () => {
  it("orders SemVer §11's example and ignores build metadata", () => {
    checkChain(compareSemver, ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"]);
    checkTable(compareSemver, ["1.0.0+build.1 = 1.0.0", "v4.17.21 = 4.17.21", "4.17.20 < 4.17.21"]);
    expect(compareSemver("1.0", "1.0.0")).toBeNull();
  });
});
orderProperties(
  "semver",
  (a, b) => compareSemver(a, b),
  fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.option(fc.array(fc.oneof(fc.constantFrom("alpha", "beta", "rc"), fc.nat(3).map(String)), { minLength: 1, maxLength: 3 }), { nil: undefined })).map(
    ([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre.join(".")}` : ""}`,
  ),
);

describe("PEP 440 subset (PyPI)", () => {
  it("orders PEP 440's example and normalises spellings", () => {
    checkChain(comparePep440, ["1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1"]);
    checkTable(comparePep440, ["1.0 = 1.0.0", "1.0.0-rc.1 = 1.0.0rc1", "1.0alpha1 = 1.0a1", "1.0-1 = 1.0.post1", "1!0.1 > 2.0", "2.25.0 < 2.31.0", "v1.2 = 1.2"]);
    expect(comparePep440("not.a.version", "1.0")).toBeNull();
  });
});
orderProperties(
  "PEP 440",
  (a, b) => comparePep440(a, b),
  fc.tuple(fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }), fc.option(fc.tuple(fc.constantFrom("a", "b", "rc"), fc.nat(3)), { nil: undefined }), fc.option(fc.nat(3), { nil: undefined }), fc.option(fc.nat(3), { nil: undefined })).map(
    ([rel, pre, post, dev]) => `${rel.join(".")}${pre ? `${pre[0]}${pre[1]}` : ""}${post === undefined ? "" : `.post${post}`}${dev === undefined ? "" : `.dev${dev}`}`,
  ),
);
