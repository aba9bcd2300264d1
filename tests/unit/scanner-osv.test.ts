// OSV matching: range evaluation per the OSV spec with each ecosystem's own version ordering,
// source-package lookup, severity selection, and the feed loader's validation.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  AdvisoryFeedError,
  buildAdvisoryIndex,
  cvss3BaseScore,
  evaluateAffected,
  isValidApkVersion,
  loadAdvisories,
  matchPackages,
  OsvRecordSchema,
  compareDebianVersions,
  schemeForEcosystem,
  severityOf,
  type OsvAffected,
  type OsvRecord,
  type Package,
} from "@/lib/scanner";

const FEED = path.resolve(import.meta.dirname, "../../content/advisories");

function affected(ecosystem: string, name: string, events: Record<string, string>[], extra: Partial<OsvAffected> = {}): OsvAffected {
  return OsvRecordSchema.shape.affected.element.parse({ package: { ecosystem, name }, ranges: [{ type: "ECOSYSTEM", events }], ...extra });
}

function record(id: string, affectedList: OsvAffected[], extra: Partial<OsvRecord> = {}): OsvRecord {
  return OsvRecordSchema.parse({ id, modified: "2026-01-01T00:00:00Z", affected: affectedList, ...extra });
}

function pkg(p: Partial<Package> & Pick<Package, "name" | "version" | "ecosystem" | "manager">): Package {
  return { path: "var/lib/dpkg/status", layerDigest: "sha256:layer", ...p };
}

describe("range evaluation (OSV spec)", () => {
  const dpkgRange = affected("Debian:11", "zlib", [{ introduced: "1:1.2.11.dfsg-2" }, { fixed: "1:1.2.11.dfsg-2+deb11u2" }]);

  it("is affected from introduced (inclusive) up to fixed (exclusive), with the distribution's ordering", () => {
    expect(evaluateAffected("dpkg", "1:1.2.11.dfsg-2", dpkgRange)).toEqual({ affected: true, fixedVersion: "1:1.2.11.dfsg-2+deb11u2" });
    expect(evaluateAffected("dpkg", "1:1.2.11.dfsg-2+deb11u1", dpkgRange).affected).toBe(true);
    expect(evaluateAffected("dpkg", "1:1.2.11.dfsg-2+deb11u2", dpkgRange).affected).toBe(false);
    expect(evaluateAffected("dpkg", "1:1.2.13.dfsg-1", dpkgRange).affected).toBe(false);
    expect(evaluateAffected("dpkg", "1:1.2.11.dfsg-1", dpkgRange).affected).toBe(false);
  });

  it("compares epochs: a version without an epoch is below every epoch-1 version", () => {
    expect(evaluateAffected("dpkg", "1.2.13", dpkgRange).affected).toBe(false);
    const noEpochRange = affected("Debian:11", "zlib", [{ introduced: "0" }, { fixed: "1:1.2.11.dfsg-2+deb11u2" }]);
    expect(evaluateAffected("dpkg", "1.2.13", noEpochRange).affected).toBe(true);
    expect(evaluateAffected("dpkg", "2:0.1", noEpochRange).affected).toBe(false);
  });

  it("last_affected is inclusive; several introduced/fixed pairs are walked in version order, whatever the file order", () => {
    const last = affected("Alpine:v3.19", "xz", [{ introduced: "5.6.0-r0" }, { last_affected: "5.6.1-r1" }]);
    expect(evaluateAffected("apk", "5.6.1-r1", last)).toEqual({ affected: true, fixedVersion: null });
    expect(evaluateAffected("apk", "5.6.1-r2", last).affected).toBe(false);
    expect(evaluateAffected("apk", "5.4.6-r0", last).affected).toBe(false);
    const twoBranches = affected("Alpine:v3.15", "openssl", [{ fixed: "1.1.1n-r0" }, { introduced: "3.0.0-r0" }, { introduced: "0" }, { fixed: "3.0.2-r0" }]);
    expect(evaluateAffected("apk", "1.1.1l-r8", twoBranches)).toEqual({ affected: true, fixedVersion: "1.1.1n-r0" });
    expect(evaluateAffected("apk", "1.1.1n-r0", twoBranches).affected).toBe(false);
    expect(evaluateAffected("apk", "3.0.1-r0", twoBranches)).toEqual({ affected: true, fixedVersion: "3.0.2-r0" });
    expect(evaluateAffected("apk", "3.0.2-r0", twoBranches).affected).toBe(false);
  });

  it("explicit versions[] match exactly; SEMVER ranges use semver for npm", () => {
    const listed = OsvRecordSchema.shape.affected.element.parse({ package: { ecosystem: "PyPI", name: "jinja2" }, versions: ["2.10", "2.10.1"] });
    expect(evaluateAffected("pep440", "2.10.1", listed).affected).toBe(true);
    expect(evaluateAffected("pep440", "2.11", listed).affected).toBe(false);
    const npm = OsvRecordSchema.shape.affected.element.parse({ package: { ecosystem: "npm", name: "lodash" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "4.17.21" }] }] });
    expect(evaluateAffected("semver", "4.17.20", npm)).toEqual({ affected: true, fixedVersion: "4.17.21" });
    expect(evaluateAffected("semver", "4.17.21", npm).affected).toBe(false);
    expect(evaluateAffected("semver", "not-semver", npm).affected).toBe(false);
  });
});

describe("severity", () => {
  it("computes CVSS v3 base scores from vectors", () => {
    expect(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")).toBe(7.5);
    expect(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).toBe(9.8);
    expect(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")).toBe(10);
    expect(cvss3BaseScore("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")).toBe(7.8);
    expect(cvss3BaseScore("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H")).toBe(8.1);
    expect(cvss3BaseScore("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H")).toBe(5.9);
    expect(cvss3BaseScore("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N")).toBe(2.5);
    expect(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N")).toBe(0);
    expect(cvss3BaseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).toBeNull();
    expect(cvss3BaseScore("CVSS:3.1/AV:N/AC:L")).toBeNull();
  });

  it("prefers the distribution's rating, then the CVSS band, else UNDEFINED", () => {
    const a = affected("Ubuntu:22.04:LTS", "openssl", [{ introduced: "0" }, { fixed: "3.0.2-0ubuntu1.1" }], { ecosystem_specific: { severity: "medium" } });
    const plain = affected("Debian:12", "openssl", [{ introduced: "0" }]);
    const cvss = [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }];
    expect(severityOf(record("X-1", [a], { severity: cvss }), a)).toBe("MEDIUM");
    expect(severityOf(record("X-2", [plain], { severity: cvss }), plain)).toBe("CRITICAL");
    expect(severityOf(record("X-3", [plain], { severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N" }] }), plain)).toBe("LOW");
    expect(severityOf(record("X-4", [plain], { database_specific: { severity: "unimportant" } }), plain)).toBe("INFORMATIONAL");
    expect(severityOf(record("X-5", [plain]), plain)).toBe("UNDEFINED");
    expect(severityOf(record("X-6", [plain], { severity: [{ type: "CVSS_V4", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" }] }), plain)).toBe("UNDEFINED");
  });
});

describe("matchPackages", () => {
  const index = buildAdvisoryIndex([
    record("DEBIAN-CVE-2022-0778", [affected("Debian:11", "openssl", [{ introduced: "0" }, { fixed: "1.1.1k-1+deb11u2" }])], {
      upstream: ["CVE-2022-0778"],
      details: "BN_mod_sqrt loop",
      severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" }],
      references: [{ type: "WEB", url: "https://nvd.nist.gov/vuln/detail/CVE-2022-0778" }, { type: "ADVISORY", url: "https://security-tracker.debian.org/tracker/CVE-2022-0778" }],
    }),
    record("DSA-5103-1", [affected("Debian:11", "openssl", [{ introduced: "0" }, { fixed: "1.1.1k-1+deb11u2" }])], { aliases: ["CVE-2022-0778"] }),
    record("UBUNTU-CVE-2022-0778", [affected("Ubuntu:20.04:LTS", "openssl", [{ introduced: "0" }, { fixed: "1.1.1f-1ubuntu2.12" }], { ecosystem_specific: { severity: "high" } })]),
    record("PYSEC-2023-74", [affected("PyPI", "Requests", [{ introduced: "2.3.0" }, { fixed: "2.31.0" }])], { aliases: ["CVE-2023-32681"] }),
  ]);

  it("looks Debian packages up by source package and source version, reports the binary, and merges aliases of the same CVE", () => {
    const findings = matchPackages(
      [
        pkg({ name: "libssl1.1", version: "1.1.1k-1+deb11u1", ecosystem: "Debian:11", manager: "dpkg", source: { name: "openssl", version: "1.1.1k-1+deb11u1" } }),
        pkg({ name: "openssl", version: "1.1.1k-1+deb11u2", ecosystem: "Debian:11", manager: "dpkg", source: { name: "openssl", version: "1.1.1k-1+deb11u2" } }),
        pkg({ name: "libssl1.1-binnmu", version: "1.1.1k-1+deb11u2+b1", ecosystem: "Debian:11", manager: "dpkg", source: { name: "openssl", version: "1.1.1k-1+deb11u1" } }),
      ],
      index,
    );
    expect(findings.map((f) => [f.vulnerabilityId, f.packageName, f.installedVersion, f.fixedVersion, f.severity])).toEqual([
      ["CVE-2022-0778", "libssl1.1", "1.1.1k-1+deb11u1", "1.1.1k-1+deb11u2", "HIGH"],
      ["CVE-2022-0778", "libssl1.1-binnmu", "1.1.1k-1+deb11u2+b1", "1.1.1k-1+deb11u2", "HIGH"],
    ]);
    expect(findings[0]!.aliases.sort()).toEqual(["DEBIAN-CVE-2022-0778", "DSA-5103-1"]);
    expect(findings[0]!.uri).toBe("https://security-tracker.debian.org/tracker/CVE-2022-0778");
    expect(findings[0]!.description).toBe("BN_mod_sqrt loop");
  });

  it("matches only the package's own release and skips config-files leftovers", () => {
    const bookworm = pkg({ name: "libssl1.1", version: "1.1.1k-1+deb11u1", ecosystem: "Debian:12", manager: "dpkg", source: { name: "openssl", version: "1.1.1k-1+deb11u1" } });
    const removed = pkg({ name: "libssl1.1", version: "1.1.1k-1+deb11u1", ecosystem: "Debian:11", manager: "dpkg", status: "deinstall ok config-files", source: { name: "openssl", version: "1.1.1k-1+deb11u1" } });
    const unknownRelease = pkg({ name: "libssl1.1", version: "1.1.1k-1+deb11u1", ecosystem: "Debian", manager: "dpkg" });
    expect(matchPackages([bookworm, removed, unknownRelease], index)).toEqual([]);
  });

  it("tries OSV's Ubuntu LTS ecosystem name and uses the distribution's severity", () => {
    const findings = matchPackages([pkg({ name: "libssl1.1", version: "1.1.1f-1ubuntu2.11", ecosystem: "Ubuntu:20.04", manager: "dpkg", source: { name: "openssl", version: "1.1.1f-1ubuntu2.11" } })], index);
    expect(findings.map((f) => [f.vulnerabilityId, f.severity, f.fixedVersion])).toEqual([["CVE-2022-0778", "HIGH", "1.1.1f-1ubuntu2.12"]]);
  });

  it("normalises PyPI names (PEP 503) and reports the CVE alias", () => {
    const findings = matchPackages([pkg({ name: "requests", version: "2.25.0", ecosystem: "PyPI", manager: "pypi", path: "app/requirements.txt" })], index);
    expect(findings.map((f) => [f.vulnerabilityId, f.aliases, f.fixedVersion, f.severity])).toEqual([["CVE-2023-32681", ["PYSEC-2023-74"], "2.31.0", "UNDEFINED"]]);
  });
});

describe("the shipped feed (content/advisories)", () => {
  it("loads, validates, and every record says where its facts come from", async () => {
    const feed = await loadAdvisories(FEED);
    expect(feed.size).toBeGreaterThanOrEqual(8);
    for (const r of feed.records()) {
      expect(r.id, r.id).toMatch(/^(ALPINE|DEBIAN)-CVE-\d{4}-\d+$/);
      expect(r.upstream?.[0], r.id).toBe(r.id.replace(/^[A-Z]+-/, ""));
      expect(String(r.database_specific?.dockyard_source ?? ""), r.id).toMatch(/\S{20,}|.{40,}/);
      expect(r.references?.some((ref) => ref.type === "ADVISORY"), r.id).toBe(true);
    }
  });

  it("every bound is a valid version in its ecosystem (an unparsable fix would flag fixed systems)", async () => {
    const feed = await loadAdvisories(FEED);
    for (const r of feed.records()) {
      for (const a of r.affected) {
        const scheme = schemeForEcosystem(a.package.ecosystem);
        expect(scheme, `${r.id} ${a.package.ecosystem}`).not.toBeNull();
        for (const e of a.ranges!.flatMap((range) => range.events)) {
          const v = (e.introduced ?? e.fixed ?? e.last_affected)!;
          if (v === "0") continue;
          if (scheme === "apk") expect(isValidApkVersion(v), `${r.id}: ${v}`).toBe(true);
          if (scheme === "dpkg") expect(compareDebianVersions(v, v), `${r.id}: ${v}`).toBe(0);
        }
      }
    }
  });
});

describe("loadAdvisories — problems name the file and the field", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("collects every problem before throwing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dockyard-osv-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "alpine"));
    const good = { id: "ALPINE-CVE-2022-0778", modified: "2026-01-01T00:00:00Z", affected: [{ package: { ecosystem: "Alpine:v3.15", name: "openssl" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "1.1.1n-r0" }] }] }] };
    writeFileSync(path.join(dir, "alpine", "good.json"), JSON.stringify(good));
    writeFileSync(path.join(dir, "alpine", "dup.json"), JSON.stringify(good));
    writeFileSync(path.join(dir, "broken.json"), "{ not json");
    const twoKeys = JSON.parse(JSON.stringify({ ...good, id: "ALPINE-CVE-2000-0001" })) as { affected: { ranges: { events: Record<string, string>[] }[] }[] };
    twoKeys.affected[0]!.ranges[0]!.events[1]!.introduced = "1.0";
    writeFileSync(path.join(dir, "alpine", "two-keys.json"), JSON.stringify(twoKeys));
    writeFileSync(path.join(dir, "no-affected.json"), JSON.stringify({ id: "X-1", modified: "2026-01-01T00:00:00Z" }));
    writeFileSync(path.join(dir, "README.md"), "not json, not read");
    const error = await loadAdvisories(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdvisoryFeedError);
    const problems = (error as AdvisoryFeedError).problems.map((p) => `${p.file} | ${p.field}`).sort();
    expect(problems).toEqual(["alpine/good.json | id", "alpine/two-keys.json | affected.0.ranges.0.events.1", "broken.json | (file)", "no-affected.json | affected"]);
  });
});
