// The dpkg inventory of a real Debian root filesystem must equal what dpkg itself lists for it.
// debootstrap builds a minimal bookworm (the way Debian's own base images start), GNU tar packs
// it as one gzip layer the way `docker import` takes a rootfs tarball (symlinks, hardlinks and
// device nodes as they are, never followed; /proc, /sys and /dev left empty), the scanner reads
// it, and `dpkg-query --admindir=<rootfs>/var/lib/dpkg -W` is the oracle. Then a copy of the
// status file with a deinstalled (config-files), a half-installed and a purged package is layered on top,
// and the scanner must include or exclude exactly what dpkg-query lists for that admindir.
//
// debootstrap needs the network (deb.debian.org) and a minute or two; the packed rootfs is cached
// under os.tmpdir() per day, so reruns on the same machine take seconds. A missing debootstrap or
// network is a failure with the reason, never a skip.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "@/lib/blobstore/memory-blob-store";
import { scanImage, type ImageScan } from "@/lib/scanner";
import { file, putImage } from "../helpers/rootfs-image";

const SUITE = "bookworm";
const MIRROR = "http://deb.debian.org/debian";
const TEN_MINUTES = 10 * 60 * 1000;
const FORMAT = "-f=${Package}\t${Version}\t${Architecture}\n";

const workDirs: string[] = [];
afterAll(() => {
  for (const d of workDirs) rmSync(d, { recursive: true, force: true });
});

function run(command: string, args: string[], what: string): string {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${what}: could not run ${command} (${r.error.message}).`);
  if (r.status !== 0) throw new Error(`${what}: ${command} exited with ${r.status}.\n${(r.stderr || r.stdout).slice(-2000)}`);
  return r.stdout;
}

function requireDebootstrap(): void {
  const r = spawnSync("debootstrap", ["--version"], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error("debootstrap is not installed: it builds the Debian root filesystem this test scans. Install it with `node scripts/ensure-test-prereqs.mjs` (as root) or `apt-get install debootstrap`.");
  }
}

/** The rootfs of a minbase bookworm as a gzip tarball, built once per day and cached. */
function debootstrapTarball(): string {
  const day = new Date().toISOString().slice(0, 10);
  const prefix = `dockyard-debootstrap-${SUITE}-minbase-`;
  const cached = path.join(tmpdir(), `${prefix}${day}.tar.gz`);
  if (existsSync(cached)) return cached;
  // Yesterday's tarballs (about 90 MB each) are stale once today's is built.
  for (const old of readdirSync(tmpdir()).filter((f) => f.startsWith(prefix) && f.endsWith(".tar.gz"))) rmSync(path.join(tmpdir(), old), { force: true });
  requireDebootstrap();
  const work = mkdtempSync(path.join(tmpdir(), "dockyard-debootstrap-"));
  workDirs.push(work);
  const rootfs = path.join(work, "rootfs");
  try {
    run("debootstrap", ["--variant=minbase", SUITE, rootfs, MIRROR], `debootstrap ${SUITE} from ${MIRROR} (is deb.debian.org reachable?)`);
  } catch (error) {
    throw new Error(`Building the Debian root filesystem failed; this test needs debootstrap and network access to ${MIRROR}.\n${(error as Error).message}`);
  }
  const partial = `${cached}.${process.pid}.partial`;
  // --numeric-owner and no --dereference: the layer holds what is on disk, links as links.
  run("tar", ["--create", "--gzip", "--numeric-owner", "--file", partial, "--directory", rootfs, "--exclude=./proc/*", "--exclude=./sys/*", "--exclude=./dev/*", "."], "packing the rootfs");
  renameSync(partial, cached);
  return cached;
}

/** dpkg-query's own listing for an admindir: "name\tversion\tarch" lines, sorted. */
function dpkgQuery(admindir: string): string[] {
  return run("dpkg-query", [`--admindir=${admindir}`, "-W", FORMAT], "dpkg-query").split("\n").filter(Boolean).sort();
}

function inventoryLines(scan: ImageScan): string[] {
  return scan.packages.filter((p) => p.manager === "dpkg").map((p) => `${p.name}\t${p.version}\t${p.arch ?? ""}`).sort();
}

/** Sets the Status field of one package's stanza in a dpkg status file. */
function withStatus(statusText: string, name: string, status: string): string {
  const stanzas = statusText.split(/\n\n+/);
  const i = stanzas.findIndex((s) => s.startsWith(`Package: ${name}\n`));
  if (i < 0) throw new Error(`package ${name} is not in the status file`);
  stanzas[i] = stanzas[i]!.replace(/^Status: .*$/m, `Status: ${status}`);
  return stanzas.join("\n\n");
}

let layer: Buffer;
let admindir: string;

beforeAll(() => {
  const tarball = debootstrapTarball();
  layer = readFileSync(tarball);
  const extracted = mkdtempSync(path.join(tmpdir(), "dockyard-dpkgdb-"));
  workDirs.push(extracted);
  // Only the package database is needed for dpkg-query; the layer itself carries everything.
  run("tar", ["--extract", "--gzip", "--file", tarball, "--directory", extracted, "./var/lib/dpkg"], "extracting var/lib/dpkg");
  admindir = path.join(extracted, "var/lib/dpkg");
}, TEN_MINUTES);

describe(`scanner — a debootstrap ${SUITE} rootfs packed as an image`, () => {
  it("lists exactly the packages dpkg-query -W lists for that rootfs", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ raw: layer, compression: "gzip" }] });
    const result = await scanImage(store, image.digest);
    if (!result.ok || result.kind !== "image") throw new Error(`scan failed: ${JSON.stringify(result)}`);

    const expected = dpkgQuery(admindir);
    expect(expected.length).toBeGreaterThan(80);
    expect(inventoryLines(result)).toEqual(expected);
    expect(result.os?.id).toBe("debian");
    expect(result.os?.versionId).toBe("12");
    expect(result.bytesRead).toBe(layer.length);
  });

  it("includes and excludes exactly what dpkg-query lists when packages are deinstalled, half-installed or purged", async () => {
    const original = readFileSync(path.join(admindir, "status"), "utf8");
    const packages = dpkgQuery(admindir).map((line) => line.split("\t")[0]!);
    // Packages every minbase has; none is needed by dpkg-query itself.
    const [deinstalled, halfInstalled, purged] = ["tzdata", "adduser", "libsemanage-common"] as const;
    for (const name of [deinstalled, halfInstalled, purged]) if (!packages.includes(name)) throw new Error(`expected ${name} in the minbase rootfs: ${packages.join(" ")}`);
    let modified = withStatus(original, deinstalled, "deinstall ok config-files");
    modified = withStatus(modified, halfInstalled, "install ok half-installed");
    modified = withStatus(modified, purged, "purge ok not-installed");
    expect(modified).not.toBe(original);

    const copy = mkdtempSync(path.join(tmpdir(), "dockyard-dpkgdb-modified-"));
    workDirs.push(copy);
    cpSync(admindir, copy, { recursive: true });
    writeFileSync(path.join(copy, "status"), modified);
    mkdirSync(path.join(copy, "updates"), { recursive: true });

    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ raw: layer, compression: "gzip" }, { entries: [file("var/lib/dpkg/status", modified)] }] });
    const result = await scanImage(store, image.digest);
    if (!result.ok || result.kind !== "image") throw new Error(`scan failed: ${JSON.stringify(result)}`);

    const expected = dpkgQuery(copy);
    expect(inventoryLines(result)).toEqual(expected);
    // dpkg-query -W lists config-files and half-installed packages and leaves out only the
    // not-installed one; the inventory does the same, with the status that was written.
    expect(expected.length).toBe(packages.length - 1);
    const statusOf = (name: string) => result.packages.find((p) => p.name === name)?.status;
    expect(statusOf(deinstalled)).toBe("deinstall ok config-files");
    expect(statusOf(halfInstalled)).toBe("install ok half-installed");
    expect(statusOf(purged)).toBeUndefined();
  });
});
