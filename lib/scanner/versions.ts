// Picks the version ordering of an OSV ecosystem. Each ordering returns null for strings it
// cannot read, and the matcher then skips range checks for that package rather than guess.
import { compareApkVersions } from "./version-apk";
import { compareDebianVersions } from "./version-dpkg";
import { comparePep440 } from "./version-pep440";
import { compareSemver } from "./version-semver";

export type VersionScheme = "apk" | "dpkg" | "semver" | "pep440";

/** "Alpine:v3.19" → apk, "Debian:12" / "Ubuntu:22.04" → dpkg, "npm" → semver, "PyPI" → pep440. */
export function schemeForEcosystem(ecosystem: string): VersionScheme | null {
  const family = ecosystem.split(":")[0];
  switch (family) {
    case "Alpine":
      return "apk";
    case "Debian":
    case "Ubuntu":
      return "dpkg";
    case "npm":
      return "semver";
    case "PyPI":
      return "pep440";
    default:
      return null;
  }
}

export function compareVersions(scheme: VersionScheme, a: string, b: string): number | null {
  switch (scheme) {
    case "apk":
      return compareApkVersions(a, b);
    case "dpkg":
      return compareDebianVersions(a, b);
    case "semver":
      return compareSemver(a, b);
    case "pep440":
      return comparePep440(a, b);
  }
}
