// The sandbox images as data: small file trees (os-release, the package database, a README) that
// the builder turns into real OCI images. They hold no binaries; what a scanner reads is the
// package database, and every package version below is one the distribution really published.
//
// Versions and why they give the findings they do (the advisories are content/advisories, whose
// records say where each fixed version comes from):
// - alpine 3.15-old: the package set of the alpine:3.15.0 image. openssl 1.1.1l-r7 is below the
//   secdb fix 1.1.1n-r0 (CVE-2022-0778); zlib 1.2.11-r3 is below 1.2.12-r0 (CVE-2018-25032) and
//   1.2.12-r2 (CVE-2022-37434). busybox 1.34.1-r3 has no v3.15 record in the feed.
// - alpine 3.15-patched: the same image after `apk upgrade` of exactly the packages the feed
//   flags, to the fixed versions the secdb names (openssl 1.1.1n-r0, zlib 1.2.12-r2), and busybox
//   and ssl_client to 1.34.1-r5 (their CVE-2022-28391 fix, which the feed does not carry).
// - debian 11-old: Debian 11 packages before the DSAs the feed cites: zlib 1:1.2.11.dfsg-2 (the
//   release's; DSA-5111 / DSA-5218 fix it in +deb11u1 / +deb11u2), gzip 1.10-4 and xz-utils
//   5.2.5-2 (DSA-5122 / DSA-5123, CVE-2022-1271), openssl 1.1.1k-1+deb11u1 (DSA-4963; DSA-5103 fixes
//   CVE-2022-0778 in +deb11u2). sudo 1.9.5p2-3 and glibc 2.31-13 are bullseye's release versions,
//   which CVE-2021-3156 and CVE-2023-4911 never affected: they show that "installed" is not
//   "vulnerable".
// - debian 11-patched: each flagged package at the fixed version of the feed's record.
// - multiarch: the alpine:3.16.0 package set for linux/amd64 and linux/arm64: busybox and
//   ssl_client 1.35.0-r13 (fixed in 1.35.0-r15, CVE-2022-30065), zlib 1.2.12-r1 (fixed in
//   1.2.12-r2, CVE-2022-37434); openssl 1.1.1o-r0 is already past the CVE-2022-0778 fix.
// - scratch: one static file and no OS at all, which basic scanning reports as UNSUPPORTED_IMAGE.
import type { Severity } from "../scanner";
import { renderApkInstalled, renderDpkgStatus, type ApkPackageSpec, type DpkgPackageSpec } from "./package-databases";

export type SandboxPlatform = { os: "linux"; architecture: "amd64" | "arm64"; variant?: "v8" };

/** What a basic scan of the image reports: per-platform severity counts, or no supported OS. */
export type ExpectedScan = { status: "COMPLETE"; findingSeverityCounts: Partial<Record<Severity, number>> } | { status: "UNSUPPORTED_IMAGE" };

export type SandboxImageTemplate = {
  /** Repository name under the prefix ("alpine" becomes "sandbox/alpine"). */
  repository: string;
  tag: string;
  title: string;
  /** One image per platform; more than one makes an OCI image index. */
  platforms: readonly SandboxPlatform[];
  /** The image's files (path without leading slash → content) for one platform. */
  files(platform: SandboxPlatform): Record<string, string>;
  expected: ExpectedScan;
};

const AMD64: SandboxPlatform = { os: "linux", architecture: "amd64" };
const ARM64: SandboxPlatform = { os: "linux", architecture: "arm64", variant: "v8" };

function readme(title: string): string {
  return `${title}\n\nA Dockyard sandbox image: it holds a package database but no programs, so it cannot run.\nScan it (StartImageScan) to see which vulnerabilities its packages have.\n`;
}

function alpineOsRelease(versionId: string): string {
  const minor = versionId.split(".").slice(0, 2).join(".");
  return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${versionId}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://bugs.alpinelinux.org/"\n`;
}

const apk = (name: string, version: string, origin: string, license: string, description: string): ApkPackageSpec => ({ name, version, origin, license, description });

const ALPINE_3_15_0: readonly ApkPackageSpec[] = [
  apk("musl", "1.2.2-r7", "musl", "MIT", "the musl c library (libc) implementation"),
  apk("busybox", "1.34.1-r3", "busybox", "GPL-2.0-only", "Size optimized toolbox of many common UNIX utilities"),
  apk("alpine-baselayout", "3.2.0-r18", "alpine-baselayout", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
  apk("alpine-keys", "2.4-r1", "alpine-keys", "MIT", "Public keys for Alpine Linux packages"),
  apk("ca-certificates-bundle", "20191127-r7", "ca-certificates", "MPL-2.0 AND MIT", "Pre generated bundle of Mozilla certificates"),
  apk("libcrypto1.1", "1.1.1l-r7", "openssl", "OpenSSL", "Crypto library from openssl"),
  apk("libssl1.1", "1.1.1l-r7", "openssl", "OpenSSL", "SSL shared libraries"),
  apk("libretls", "3.3.4-r2", "libretls", "ISC AND (BSD-3-Clause OR MIT)", "port of libtls from libressl to openssl"),
  apk("ssl_client", "1.34.1-r3", "busybox", "GPL-2.0-only", "EXternal ssl_client for busybox wget"),
  apk("zlib", "1.2.11-r3", "zlib", "Zlib", "A compression/decompression Library"),
  apk("apk-tools", "2.12.7-r3", "apk-tools", "GPL-2.0-only", "Alpine Package Keeper - package manager for alpine"),
  apk("scanelf", "1.3.3-r0", "pax-utils", "GPL-2.0-only", "Scan ELF binaries for stuff"),
  apk("musl-utils", "1.2.2-r7", "musl", "MIT BSD GPL2+", "the musl c library (libc) implementation"),
  apk("libc-utils", "0.7.2-r3", "libc-dev", "BSD-2-Clause AND BSD-3-Clause", "Meta package to pull in correct libc"),
];

const ALPINE_3_15_UPGRADES: Record<string, string> = { busybox: "1.34.1-r5", ssl_client: "1.34.1-r5", "libcrypto1.1": "1.1.1n-r0", "libssl1.1": "1.1.1n-r0", zlib: "1.2.12-r2" };
const ALPINE_3_15_PATCHED = ALPINE_3_15_0.map((p) => ({ ...p, version: ALPINE_3_15_UPGRADES[p.name] ?? p.version }));

const ALPINE_3_16_0: readonly ApkPackageSpec[] = [
  apk("musl", "1.2.3-r0", "musl", "MIT", "the musl c library (libc) implementation"),
  apk("busybox", "1.35.0-r13", "busybox", "GPL-2.0-only", "Size optimized toolbox of many common UNIX utilities"),
  apk("alpine-baselayout-data", "3.2.0-r20", "alpine-baselayout", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
  apk("alpine-baselayout", "3.2.0-r20", "alpine-baselayout", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
  apk("alpine-keys", "2.4-r1", "alpine-keys", "MIT", "Public keys for Alpine Linux packages"),
  apk("ca-certificates-bundle", "20211220-r0", "ca-certificates", "MPL-2.0 AND MIT", "Pre generated bundle of Mozilla certificates"),
  apk("libcrypto1.1", "1.1.1o-r0", "openssl", "OpenSSL", "Crypto library from openssl"),
  apk("libssl1.1", "1.1.1o-r0", "openssl", "OpenSSL", "SSL shared libraries"),
  apk("ssl_client", "1.35.0-r13", "busybox", "GPL-2.0-only", "EXternal ssl_client for busybox wget"),
  apk("zlib", "1.2.12-r1", "zlib", "Zlib", "A compression/decompression Library"),
  apk("apk-tools", "2.12.9-r3", "apk-tools", "GPL-2.0-only", "Alpine Package Keeper - package manager for alpine"),
  apk("scanelf", "1.3.4-r0", "pax-utils", "GPL-2.0-only", "Scan ELF binaries for stuff"),
  apk("musl-utils", "1.2.3-r0", "musl", "MIT AND BSD-2-Clause AND GPL-2.0-or-later", "the musl c library (libc) implementation"),
  apk("libc-utils", "0.7.2-r3", "libc-dev", "BSD-2-Clause AND BSD-3-Clause", "Meta package to pull in correct libc"),
];

function alpineFiles(versionId: string, title: string, packages: readonly ApkPackageSpec[]) {
  return (platform: SandboxPlatform): Record<string, string> => ({
    "etc/os-release": alpineOsRelease(versionId),
    "etc/alpine-release": `${versionId}\n`,
    "lib/apk/db/installed": renderApkInstalled(packages, platform.architecture),
    "usr/share/dockyard/README": readme(title),
  });
}

const DEBIAN_11_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nVERSION="11 (bullseye)"\nVERSION_CODENAME=bullseye\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;

const DEBIAN_11_OLD: readonly DpkgPackageSpec[] = [
  { name: "libc6", version: "2.31-13", source: "glibc", priority: "optional", section: "libs", multiArch: "same", description: "GNU C Library: Shared libraries" },
  { name: "zlib1g", version: "1:1.2.11.dfsg-2", source: "zlib", priority: "required", section: "libs", multiArch: "same", description: "compression library - runtime" },
  { name: "gzip", version: "1.10-4", priority: "required", section: "utils", essential: true, description: "GNU compression utilities" },
  { name: "liblzma5", version: "5.2.5-2", source: "xz-utils", priority: "required", section: "libs", multiArch: "same", description: "XZ-format compression library" },
  { name: "libssl1.1", version: "1.1.1k-1+deb11u1", source: "openssl", priority: "optional", section: "libs", multiArch: "same", description: "Secure Sockets Layer toolkit - shared libraries" },
  { name: "sudo", version: "1.9.5p2-3", priority: "optional", section: "admin", description: "Provide limited super user privileges to specific users" },
];

const DEBIAN_11_FIXES: Record<string, string> = { zlib1g: "1:1.2.11.dfsg-2+deb11u2", gzip: "1.10-4+deb11u1", liblzma5: "5.2.5-2.1~deb11u1", "libssl1.1": "1.1.1k-1+deb11u2" };
const DEBIAN_11_PATCHED = DEBIAN_11_OLD.map((p) => ({ ...p, version: DEBIAN_11_FIXES[p.name] ?? p.version }));

function debianFiles(title: string, packages: readonly DpkgPackageSpec[]) {
  return (platform: SandboxPlatform): Record<string, string> => ({
    "etc/os-release": DEBIAN_11_OS_RELEASE,
    "var/lib/dpkg/status": renderDpkgStatus(packages, platform.architecture),
    "usr/share/dockyard/README": readme(title),
  });
}

export const SANDBOX_TEMPLATES: readonly SandboxImageTemplate[] = [
  {
    repository: "alpine",
    tag: "3.15-old",
    title: "Alpine Linux 3.15.0 with its original openssl, busybox and zlib",
    platforms: [AMD64],
    files: alpineFiles("3.15.0", "Alpine Linux 3.15.0 (old packages)", ALPINE_3_15_0),
    expected: { status: "COMPLETE", findingSeverityCounts: { CRITICAL: 1, HIGH: 3 } },
  },
  {
    repository: "alpine",
    tag: "3.15-patched",
    title: "Alpine Linux 3.15 with openssl, zlib and busybox upgraded to their fixed versions",
    platforms: [AMD64],
    files: alpineFiles("3.15.0", "Alpine Linux 3.15 (patched packages)", ALPINE_3_15_PATCHED),
    expected: { status: "COMPLETE", findingSeverityCounts: {} },
  },
  {
    repository: "debian",
    tag: "11-old",
    title: "Debian 11 (bullseye) before the 2022 zlib, gzip, xz-utils and openssl updates",
    platforms: [AMD64],
    files: debianFiles("Debian 11 (old packages)", DEBIAN_11_OLD),
    expected: { status: "COMPLETE", findingSeverityCounts: { CRITICAL: 1, HIGH: 4 } },
  },
  {
    repository: "debian",
    tag: "11-patched",
    title: "Debian 11 (bullseye) with the zlib, gzip, xz-utils and openssl security updates",
    platforms: [AMD64],
    files: debianFiles("Debian 11 (patched packages)", DEBIAN_11_PATCHED),
    expected: { status: "COMPLETE", findingSeverityCounts: {} },
  },
  {
    repository: "scratch",
    tag: "latest",
    title: "A scratch image: one static file, no operating system",
    platforms: [AMD64],
    files: () => ({ "hello.txt": "Hello from a scratch image. There is no operating system here, so there is nothing for basic scanning to read.\n" }),
    expected: { status: "UNSUPPORTED_IMAGE" },
  },
  {
    repository: "multiarch",
    tag: "latest",
    title: "Alpine Linux 3.16.0 for linux/amd64 and linux/arm64 (an image index)",
    platforms: [AMD64, ARM64],
    files: alpineFiles("3.16.0", "Alpine Linux 3.16.0 (multi-platform)", ALPINE_3_16_0),
    expected: { status: "COMPLETE", findingSeverityCounts: { CRITICAL: 1, HIGH: 2 } },
  },
];

/** The template whose repository (without prefix) and tag match, or undefined. */
export function findSandboxTemplate(repository: string, tag: string): SandboxImageTemplate | undefined {
  return SANDBOX_TEMPLATES.find((t) => t.repository === repository && t.tag === tag);
}
