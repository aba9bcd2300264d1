// Maps an installed package to the OSV ecosystem its advisories live in. Distribution
// ecosystems carry the release, taken from os-release VERSION_ID: Alpine uses major.minor
// ("3.19.1" → "Alpine:v3.19"), Debian the major ("12" → "Debian:12"), Ubuntu the release
// ("22.04" → "Ubuntu:22.04"; the matcher also tries OSV's "Ubuntu:22.04:LTS"). Without a known
// release the bare family name is used, which no advisory carries: better no finding than one
// from the wrong release.
import type { OsIdentity } from "./os-release";
import type { PackageManager } from "./scan-types";

export function ecosystemFor(manager: PackageManager, os: OsIdentity | null): string {
  if (manager === "npm") return "npm";
  if (manager === "pypi") return "PyPI";
  const version = os?.versionId ?? "";
  if (manager === "apk") {
    const m = /^(\d+)\.(\d+)/.exec(version);
    return os?.id === "alpine" && m ? `Alpine:v${m[1]}.${m[2]}` : "Alpine";
  }
  if (os?.id === "ubuntu") {
    const m = /^(\d+\.\d+)/.exec(version);
    return m ? `Ubuntu:${m[1]}` : "Ubuntu";
  }
  const m = /^(\d+)/.exec(version);
  return os?.id === "debian" && m ? `Debian:${m[1]}` : "Debian";
}
