// The package databases a sandbox image carries instead of binaries: Alpine's
// /lib/apk/db/installed and dpkg's /var/lib/dpkg/status, written in the formats apk and dpkg
// themselves write (and lib/scanner reads). Only the fields a scanner or `apk info` / `dpkg -l`
// needs are written; file lists (apk F:/R:, dpkg's .list files) are left out: the images hold
// no binaries for them to describe.

/** One installed Alpine package: `origin` is the aports source package security data uses. */
export type ApkPackageSpec = { name: string; version: string; origin: string; description: string; license: string };

/** One installed Debian package; `source` only when it differs from the binary's name. */
export type DpkgPackageSpec = { name: string; version: string; source?: string; priority: "required" | "important" | "standard" | "optional"; section: string; description: string; essential?: boolean; multiArch?: "same" | "foreign" };

/** Alpine's architecture names for the OCI architectures the templates use. */
export const APK_ARCH: Record<string, string> = { amd64: "x86_64", arm64: "aarch64" };

/** /lib/apk/db/installed: one blank-line separated record per package. */
export function renderApkInstalled(packages: readonly ApkPackageSpec[], architecture: string): string {
  const arch = APK_ARCH[architecture];
  if (!arch) throw new Error(`No Alpine architecture for ${architecture}`);
  return packages.map((p) => [`P:${p.name}`, `V:${p.version}`, `A:${arch}`, `T:${p.description}`, `L:${p.license}`, `o:${p.origin}`].join("\n") + "\n").join("\n") + "\n";
}

/** /var/lib/dpkg/status: one deb822 stanza per package, all "install ok installed". */
export function renderDpkgStatus(packages: readonly DpkgPackageSpec[], architecture: string): string {
  return packages
    .map((p) =>
      [
        `Package: ${p.name}`,
        ...(p.essential ? ["Essential: yes"] : []),
        "Status: install ok installed",
        `Priority: ${p.priority}`,
        `Section: ${p.section}`,
        "Maintainer: Debian Sandbox Template <sandbox@dockyard.invalid>",
        `Architecture: ${architecture}`,
        ...(p.multiArch ? [`Multi-Arch: ${p.multiArch}`] : []),
        ...(p.source ? [`Source: ${p.source}`] : []),
        `Version: ${p.version}`,
        `Description: ${p.description}`,
      ].join("\n") + "\n",
    )
    .join("\n");
}
