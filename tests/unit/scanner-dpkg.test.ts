// The dpkg inventory must equal what `dpkg-query -W` reports for the same database. The rule we
// found by running dpkg-query 1.21 against hand-written admindirs: a package is listed when the
// state word of its Status field is anything but "not-installed", for every want (unknown,
// install, hold, deinstall, purge) and flag (ok, reinstreq); config-files packages are listed.
// These tests check that rule against dpkg-query itself when it is installed (always under CI).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "@/lib/blobstore/memory-blob-store";
import { isListedByDpkgQuery, parseDpkgStatus, parseDpkgStatusD, scanImage } from "@/lib/scanner";
import { file, putImage } from "../helpers/rootfs-image";

const hasDpkgQuery = spawnSync("dpkg-query", ["--version"]).status === 0;
if (process.env.CI === "true" && !hasDpkgQuery) throw new Error("CI=true but dpkg-query is not installed: the dpkg inventory cannot be checked against dpkg itself.");

const WANTS = ["unknown", "install", "hold", "deinstall", "purge"] as const;
const FLAGS = ["ok", "reinstreq"] as const;
const STATES = ["not-installed", "config-files", "half-installed", "unpacked", "half-configured", "triggers-awaited", "triggers-pending", "installed"] as const;

type Stanza = { name: string; arch: string; version: string; want: string; flag: string; state: string; source?: string };

function stanzaText(s: Stanza): string {
  const lines = [`Package: ${s.name}`, `Status: ${s.want} ${s.flag} ${s.state}`, "Maintainer: Dockyard <dockyard@example.org>", `Architecture: ${s.arch}`, `Version: ${s.version}`];
  if (s.arch !== "all") lines.push("Multi-Arch: same");
  if (s.source) lines.push(`Source: ${s.source}`);
  if (s.state === "triggers-awaited") lines.push("Triggers-Awaited: base-files");
  if (s.state === "triggers-pending") lines.push("Triggers-Pending: ldconfig");
  lines.push("Description: test package", " with a continuation line", " .", " and a paragraph");
  return `${lines.join("\n")}\n`;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/** What dpkg-query -W lists for a status file: "name arch version source sourceVersion" lines, sorted. */
function dpkgQuery(statusText: string): string[] {
  const admindir = mkdtempSync(path.join(tmpdir(), "dockyard-dpkg-"));
  tempDirs.push(admindir);
  mkdirSync(path.join(admindir, "info"));
  mkdirSync(path.join(admindir, "updates"));
  writeFileSync(path.join(admindir, "status"), statusText);
  const r = spawnSync("dpkg-query", [`--admindir=${admindir}`, "-W", "-f=${Package} ${Architecture} ${Version} ${source:Package} ${source:Version}\\n"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dpkg-query failed: ${r.stderr}`);
  return r.stdout.split("\n").filter(Boolean).sort();
}

function ours(statusText: string): string[] {
  return parseDpkgStatus(statusText)
    .map((p) => `${p.name} ${p.arch ?? ""} ${p.version} ${p.source.name} ${p.source.version}`)
    .sort();
}

describe("dpkg status — the dpkg-query -W rule", () => {
  it("lists every state but not-installed, whatever the want and flag", () => {
    for (const want of WANTS) {
      for (const flag of FLAGS) {
        for (const state of STATES) expect(isListedByDpkgQuery(`${want} ${flag} ${state}`), `${want} ${flag} ${state}`).toBe(state !== "not-installed");
      }
    }
    expect(isListedByDpkgQuery(undefined)).toBe(false);
    expect(isListedByDpkgQuery("install ok")).toBe(false);
  });

  it("parses stanzas like dpkg: case-insensitive field names, blank-line runs, continuation lines, Source with a version", () => {
    const text =
      "package: lower-case\nstatus: install ok installed\nversion: 1.0\ndescription: d\n multi\n .\n line\n\n\n\n" +
      "Package: binnmu\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2:3.4~rc1-1+b1\nSource: srcpkg (3.4~rc1-1)\n\n" +
      "Package: gone\nStatus: purge ok not-installed\nArchitecture: amd64\n\n" +
      "Package: removed\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 7\n";
    expect(parseDpkgStatus(text)).toEqual([
      { name: "lower-case", version: "1.0", arch: null, source: { name: "lower-case", version: "1.0" }, status: "install ok installed" },
      { name: "binnmu", version: "2:3.4~rc1-1+b1", arch: "amd64", source: { name: "srcpkg", version: "3.4~rc1-1" }, status: "install ok installed" },
      { name: "removed", version: "7", arch: "amd64", source: { name: "removed", version: "7" }, status: "deinstall ok config-files" },
    ]);
  });

  it("reads distroless status.d stanzas (no Status field) as installed", () => {
    expect(parseDpkgStatusD("Package: libc6\nVersion: 2.36-9+deb12u7\nArchitecture: amd64\nSource: glibc\n")).toEqual([
      { name: "libc6", version: "2.36-9+deb12u7", arch: "amd64", source: { name: "glibc", version: "2.36-9+deb12u7" }, status: null },
    ]);
    expect(parseDpkgStatusD("Package: old\nStatus: purge ok not-installed\nVersion: 1\n")).toEqual([]);
  });
});

describe.skipIf(!hasDpkgQuery)("dpkg status — agrees with dpkg-query itself (needs dpkg-query; required when CI=true)", () => {
  it("every want × flag × state combination", () => {
    const stanzas: Stanza[] = [];
    let i = 0;
    for (const want of WANTS) for (const flag of FLAGS) for (const state of STATES) stanzas.push({ name: `p${++i}`, arch: "amd64", version: `${i}.0-${i % 3}`, want, flag, state, ...(i % 4 === 0 ? { source: `src${i} (${i}.0)` } : {}) });
    const text = stanzas.map(stanzaText).join("\n");
    expect(ours(text)).toEqual(dpkgQuery(text));
    expect(ours(text)).toHaveLength(70);
  });

  it("random databases (multi-arch pairs, epochs, tildes, binNMU sources)", () => {
    const version = fc
      .tuple(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), fc.stringMatching(/^[0-9][0-9a-z.+~]{0,6}$/), fc.option(fc.stringMatching(/^[0-9a-z.+~]{1,5}$/), { nil: undefined }))
      .map(([epoch, upstream, revision]) => `${epoch ? `${epoch}:` : ""}${upstream}${revision ? `-${revision}` : ""}`);
    const instance = fc.constantFrom<[string, string]>(["libc6", "amd64"], ["libc6", "i386"], ["zlib1g", "amd64"], ["zlib1g", "i386"], ["libssl3", "amd64"], ["bash", "amd64"], ["tzdata", "all"], ["libgcc-s1", "i386"]);
    const stanza = fc.record({
      instance,
      version,
      want: fc.constantFrom(...WANTS),
      flag: fc.constantFrom(...FLAGS),
      state: fc.constantFrom(...STATES),
      source: fc.option(fc.constantFrom("glibc", "zlib (1:1.2.13.dfsg-1)", "openssl"), { nil: undefined }),
    });
    fc.assert(
      // dpkg refuses databases with two live stanzas for one package instance, so instances are unique
      fc.property(fc.uniqueArray(stanza, { minLength: 1, maxLength: 8, selector: (s) => s.instance.join(":") }), (stanzas) => {
        const text = stanzas.map(({ instance: [name, arch], ...s }) => stanzaText({ ...s, name, arch })).join("\n");
        expect(ours(text)).toEqual(dpkgQuery(text));
      }),
      { numRuns: 25, seed: 20240601 },
    );
  });
});

describe.skipIf(!hasDpkgQuery)("dpkg status — duplicate stanzas against dpkg-query (needs dpkg-query)", () => {
  it("a later stanza for the same package replaces an earlier not-installed one, as in dpkg", () => {
    const gone = stanzaText({ name: "a", arch: "all", version: "1", want: "purge", flag: "ok", state: "not-installed" });
    const back = stanzaText({ name: "a", arch: "all", version: "3", want: "install", flag: "ok", state: "installed" });
    expect(ours(`${gone}\n${back}`)).toEqual(dpkgQuery(`${gone}\n${back}`));
    expect(ours(`${back}\n${gone}`)).toEqual(dpkgQuery(`${back}\n${gone}`));
    expect(ours(`${back}\n${gone}`)).toEqual([]);
  });
});

describe("dpkg inventory in an image", () => {
  it("combines /var/lib/dpkg/status with distroless status.d files, ignoring *.md5sums", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        {
          entries: [
            file("etc/os-release", 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'),
            file("var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n"),
            file("var/lib/dpkg/status.d/base-files.md5sums", "d41d8cd98f00b204e9800998ecf8427e  etc/debian_version\n"),
            file("var/lib/dpkg/status.d/libssl3", "Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n"),
            file("var/lib/dpkg/status", "Package: tzdata\nStatus: install ok installed\nArchitecture: all\nVersion: 2024a-0+deb12u1\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1.0\n"),
          ],
        },
      ],
    });
    const result = await scanImage(store, image.digest);
    if (!result.ok || result.kind !== "image") throw new Error("scan failed");
    expect(result.packages.map((p) => `${p.name} ${p.version} ${p.source?.name} ${p.ecosystem} ${p.path}`)).toEqual([
      "tzdata 2024a-0+deb12u1 tzdata Debian:12 var/lib/dpkg/status",
      "gone 1.0 gone Debian:12 var/lib/dpkg/status",
      "base-files 12.4+deb12u5 base-files Debian:12 var/lib/dpkg/status.d/base-files",
      "libssl3 3.0.11-1~deb12u2 openssl Debian:12 var/lib/dpkg/status.d/libssl3",
    ]);
  });
});
