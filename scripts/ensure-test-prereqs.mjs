#!/usr/bin/env node
// Makes sure the programs the test suite drives exist: Debian's Chromium for Playwright (a browser
// cannot be downloaded here), Japanese fonts for faithful rendering, skopeo and the aws CLI v2 (the
// real clients the registry and ECR tests drive), zstd, dpkg-query and debootstrap (the scanner
// is checked against them). As root on Debian/Ubuntu it
// installs what is missing with apt-get; elsewhere it stops with the exact command to run. It never
// lets tests skip: a missing prerequisite is a failure (always, and especially under CI=true).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** name: how to tell it is there, and the Debian package that provides it. */
const PREREQUISITES = [
  { name: "Chromium", present: () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"), apt: "chromium" },
  { name: "Japanese fonts", present: () => fcHas("Noto Sans CJK JP"), apt: "fonts-noto-cjk" },
  { name: "skopeo (registry push/pull tests)", present: () => existsSync("/usr/bin/skopeo"), apt: "skopeo" },
  { name: "aws CLI v2 (ECR API tests)", present: () => existsSync("/usr/bin/aws"), apt: "awscli" },
  { name: "zstd (zstd-compressed layers in scanner tests)", present: () => existsSync("/usr/bin/zstd"), apt: "zstd" },
  { name: "dpkg-query (scanner checks against dpkg itself)", present: () => existsSync("/usr/bin/dpkg-query"), apt: "dpkg" },
  { name: "debootstrap (a real Debian rootfs for the scanner's inventory check)", present: () => existsSync("/usr/sbin/debootstrap"), apt: "debootstrap" },
];

function fcHas(family) {
  try {
    return execFileSync("fc-list", [":family=" + family], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

const missing = PREREQUISITES.filter((p) => !p.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((p) => p.apt);
const command = `apt-get update && apt-get install -y ${packages.join(" ")}`;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");

if (!isRoot || !hasApt) {
  console.error(`Missing for the test suite: ${missing.map((p) => p.name).join(", ")}.`);
  console.error(hasApt ? `Install with:\n  sudo ${command}` : `Install ${packages.join(", ")} with your system's package manager (on Debian/Ubuntu: sudo ${command}).`);
  process.exit(1);
}

console.log(`Installing test prerequisites: ${packages.join(", ")}`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...packages]]) {
  const r = spawnSync("apt-get", args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`apt-get ${args[0]} failed (exit ${r.status}). Run manually:\n  ${command}`);
    process.exit(1);
  }
}
const still = PREREQUISITES.filter((p) => !p.present());
if (still.length) {
  console.error(`Still missing after install: ${still.map((p) => p.name).join(", ")}`);
  process.exit(1);
}
