// OSV matching: which advisories affect which packages, and with what severity.
//
// A package is looked up by the name its ecosystem's advisories use: the SOURCE package for
// Debian/Ubuntu (dpkg Source:, with the source version, since a binNMU "+b1" binary belongs to
// the same source upload) and the origin for Alpine (libssl3 comes from "openssl"); npm and PyPI
// use the package's own name. A dpkg package in state config-files has no code left on disk and
// is listed (dpkg-query lists it) but never matched.
//
// Range evaluation follows the OSV specification: events sorted by version ("0" first), walked in
// order: introduced <= v sets affected, fixed <= v clears it, last_affected < v clears it. An
// explicit versions[] entry matches exactly. Severity: the distribution's own rating when the
// record carries one; else the CVSS v3 base score (>= 9 CRITICAL, >= 7 HIGH, >= 4 MEDIUM,
// > 0 LOW); else UNDEFINED.
// @see https://ossf.github.io/osv-schema/#evaluation
import type { AdvisoryIndex } from "./advisories";
import { cvss3BaseScore } from "./cvss";
import { isConfigFilesOnly } from "./dpkg-status";
import type { OsvAffected, OsvRange, OsvRecord } from "./osv-schema";
import type { Finding, Package, Severity } from "./scan-types";
import { compareVersions, schemeForEcosystem, type VersionScheme } from "./versions";

export type RangeVerdict = { affected: boolean; fixedVersion: string | null };

const SEVERITY_RANK: Record<Severity, number> = { CRITICAL: 5, HIGH: 4, MEDIUM: 3, LOW: 2, INFORMATIONAL: 1, UNDEFINED: 0 };

type Event = { kind: "introduced" | "fixed" | "last_affected"; version: string };

function eventsOf(range: OsvRange): Event[] {
  return range.events.map((e) =>
    e.introduced !== undefined ? { kind: "introduced", version: e.introduced } : e.fixed !== undefined ? { kind: "fixed", version: e.fixed } : { kind: "last_affected", version: e.last_affected! },
  );
}

/** Orders two event versions; "0" (introduced from the beginning) is below everything. */
function compareEventVersions(scheme: VersionScheme, a: string, b: string): number | null {
  if (a === "0" || b === "0") return a === b ? 0 : a === "0" ? -1 : 1;
  return compareVersions(scheme, a, b);
}

/** Whether `version` falls in one ECOSYSTEM/SEMVER range; null when a version cannot be compared. */
export function isInRange(scheme: VersionScheme, version: string, range: OsvRange): boolean | null {
  const events = eventsOf(range);
  for (const e of events) if (compareEventVersions(scheme, e.version, e.version) === null) return null;
  if (compareVersions(scheme, version, version) === null) return null;
  events.sort((x, y) => compareEventVersions(scheme, x.version, y.version)!);
  let affected = false;
  for (const e of events) {
    const cmp = e.version === "0" ? 1 : compareVersions(scheme, version, e.version)!;
    if (e.kind === "introduced" && cmp >= 0) affected = true;
    else if (e.kind === "fixed" && cmp >= 0) affected = false;
    else if (e.kind === "last_affected" && cmp > 0) affected = false;
  }
  return affected;
}

/** Whether an affected entry covers `version`, and the lowest fixed version above it. */
export function evaluateAffected(scheme: VersionScheme, version: string, affected: OsvAffected): RangeVerdict {
  const ranges = (affected.ranges ?? []).filter((r) => r.type !== "GIT");
  const hit = (affected.versions ?? []).includes(version) || ranges.some((r) => isInRange(scheme, version, r) === true);
  if (!hit) return { affected: false, fixedVersion: null };
  let fixedVersion: string | null = null;
  for (const range of ranges) {
    for (const e of eventsOf(range)) {
      if (e.kind !== "fixed" || (compareVersions(scheme, e.version, version) ?? 0) <= 0) continue;
      if (fixedVersion === null || (compareVersions(scheme, e.version, fixedVersion) ?? 0) < 0) fixedVersion = e.version;
    }
  }
  return { affected: true, fixedVersion };
}

const DISTRO_SEVERITY: Record<string, Severity> = {
  critical: "CRITICAL",
  high: "HIGH",
  important: "HIGH",
  medium: "MEDIUM",
  moderate: "MEDIUM",
  low: "LOW",
  negligible: "INFORMATIONAL",
  unimportant: "INFORMATIONAL",
  informational: "INFORMATIONAL",
};

function distroSeverity(...sources: (Record<string, unknown> | undefined)[]): Severity | null {
  for (const source of sources) {
    const value = source?.severity;
    if (typeof value === "string" && DISTRO_SEVERITY[value.trim().toLowerCase()]) return DISTRO_SEVERITY[value.trim().toLowerCase()]!;
  }
  return null;
}

export function severityFromScore(score: number): Severity {
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  if (score > 0) return "LOW";
  return "UNDEFINED";
}

/** The distribution's rating if present, else the CVSS v3 score's band, else UNDEFINED. */
export function severityOf(record: OsvRecord, affected: OsvAffected): Severity {
  const distro = distroSeverity(affected.ecosystem_specific, affected.database_specific, record.database_specific);
  if (distro) return distro;
  for (const s of [...(affected.severity ?? []), ...(record.severity ?? [])]) {
    if (s.type !== "CVSS_V3") continue;
    const score = cvss3BaseScore(s.score);
    if (score !== null) return severityFromScore(score);
  }
  return "UNDEFINED";
}

/** The CVE id when there is one (ECR reports CVE names), and every other id as an alias. A
 * distribution record named after its CVE ("UBUNTU-CVE-2022-0778") names that CVE. */
function identify(record: OsvRecord): { vulnerabilityId: string; aliases: string[] } {
  const ids = [record.id, ...(record.aliases ?? []), ...(record.upstream ?? [])];
  const vulnerabilityId = ids.find((id) => /^CVE-\d{4}-\d+$/.test(id)) ?? /^[A-Z]+-(CVE-\d{4}-\d+)$/.exec(record.id)?.[1] ?? record.id;
  return { vulnerabilityId, aliases: [...new Set(ids.filter((id) => id !== vulnerabilityId))] };
}

function uriOf(record: OsvRecord): string | null {
  const refs = record.references ?? [];
  return (refs.find((r) => r.type === "ADVISORY") ?? refs[0])?.url ?? null;
}

/** The name, version and ecosystems a package is looked up under. */
function lookupKeys(pkg: Package): { name: string; version: string; ecosystems: string[] } {
  const useSource = pkg.manager === "dpkg" || pkg.manager === "apk";
  const name = useSource && pkg.source ? pkg.source.name : pkg.name;
  const version = pkg.manager === "dpkg" && pkg.source ? pkg.source.version : pkg.version;
  const ecosystems = pkg.ecosystem.startsWith("Ubuntu:") ? [pkg.ecosystem, `${pkg.ecosystem}:LTS`] : [pkg.ecosystem];
  return { name, version, ecosystems };
}

/** Findings for every package, one per (vulnerability, package, version), most severe first. */
export function matchPackages(packages: readonly Package[], index: AdvisoryIndex): Finding[] {
  const findings = new Map<string, Finding>();
  for (const pkg of packages) {
    if (pkg.manager === "dpkg" && isConfigFilesOnly(pkg.status ?? null)) continue;
    const scheme = schemeForEcosystem(pkg.ecosystem);
    if (!scheme) continue;
    const { name, version, ecosystems } = lookupKeys(pkg);
    for (const ecosystem of ecosystems) {
      for (const { record, affected } of index.lookup(ecosystem, name)) {
        const verdict = evaluateAffected(scheme, version, affected);
        if (!verdict.affected) continue;
        const { vulnerabilityId, aliases } = identify(record);
        const key = `${vulnerabilityId}\u0000${pkg.name}\u0000${pkg.version}\u0000${pkg.ecosystem}\u0000${pkg.path}`;
        const existing = findings.get(key);
        if (existing) {
          existing.aliases = [...new Set([...existing.aliases, ...aliases])];
          continue;
        }
        findings.set(key, {
          vulnerabilityId,
          aliases,
          packageName: pkg.name,
          installedVersion: pkg.version,
          fixedVersion: verdict.fixedVersion,
          severity: severityOf(record, affected),
          description: record.details ?? record.summary ?? "",
          uri: uriOf(record),
          ecosystem: pkg.ecosystem,
        });
      }
    }
  }
  return [...findings.values()].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || cmpStr(a.vulnerabilityId, b.vulnerabilityId) || cmpStr(a.packageName, b.packageName),
  );
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
