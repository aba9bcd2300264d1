// Offline import of an OSV export (zip or directory) into the advisory feed: records are validated
// one by one, invalid ones reported by file, ecosystems the scanner cannot match left out, and a
// real scan then finds what the imported records describe, while curated records keep their ids.
// The DOCKYARD-TEST-* records are synthetic fixtures, not real advisories.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanImage, type ImageScan } from "@/lib/scanner";
import { advisoryFeed } from "@/lib/ecr/scanning/advisory-feed";
import { importAdvisories, INVALID_SHOWN } from "@/lib/ecr/scanning/advisory-import";
import { familyFile } from "@/lib/ecr/scanning/advisory-store";
import { makeTestDeps } from "../helpers/test-deps";
import { file, putImage } from "../helpers/rootfs-image";
import { zipOf } from "../helpers/zip-writer";

const env = makeTestDeps("2026-03-01T10:00:00Z");
const { deps } = env;
afterAll(() => env.cleanup());

const range = (fixed: string) => [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed }] }];
const record = (id: string, affected: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ schema_version: "1.6.0", id, modified: "2026-01-01T00:00:00Z", summary: `${id} (test fixture)`, affected, ...extra });
const alpine = (name: string, fixed: string, ecosystem = "Alpine:v3.15") => ({ package: { ecosystem, name }, ranges: range(fixed) });

const ZIP_ENTRIES = [
  { name: "README.md", content: "not a record" },
  { name: "DOCKYARD-TEST-0001.json", content: record("DOCKYARD-TEST-0001", [alpine("busybox", "1.34.1-r5"), alpine("busybox", "1.35.0-r13", "Alpine:v3.16")], { database_specific: { severity: "medium" } }) },
  { name: "DOCKYARD-TEST-0002.json", content: record("DOCKYARD-TEST-0002", [{ package: { ecosystem: "Go", name: "example.com/x" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "1.0.0" }] }] }]) },
  { name: "DOCKYARD-TEST-0003.json", content: record("DOCKYARD-TEST-0003", [alpine("musl", "1.2.2-r8"), { package: { ecosystem: "Go", name: "example.com/y" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "2.0.0" }] }] }]) },
  { name: "DOCKYARD-TEST-0004.json", content: record("DOCKYARD-TEST-0004", [{ package: { ecosystem: "Debian:12", name: "openssl" }, ranges: range("3.0.11-1~deb12u1") }]) },
  { name: "DOCKYARD-TEST-0005.json", content: record("DOCKYARD-TEST-0005", [alpine("zlib", "1.2.12-r0")], { withdrawn: "2026-02-01T00:00:00Z" }) },
  { name: "broken.json", content: "{ not json" },
  { name: "bad-event.json", content: record("DOCKYARD-TEST-0006", [{ package: { ecosystem: "Alpine:v3.15", name: "zlib" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0", fixed: "1.2.12-r0" }] }] }]) },
  // A curated id with a deliberately different fix: the curated record must stay in force.
  { name: "ALPINE-CVE-2022-37434.json", content: record("ALPINE-CVE-2022-37434", [alpine("zlib", "9.9.9-r0")], { upstream: ["CVE-2022-37434"] }) },
];

const ALPINE_OS = file("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.4\nPRETTY_NAME="Alpine Linux v3.15"\n');
const APK_DB = [
  ["busybox", "1.34.1-r3", "busybox"],
  ["musl", "1.2.2-r7", "musl"],
  ["zlib", "1.2.11-r3", "zlib"],
]
  .map(([n, v, o]) => `P:${n}\nV:${v}\nA:x86_64\no:${o}\n`)
  .join("\n");

async function scanFindings(): Promise<string[]> {
  const image = await putImage(deps.blobs, { layers: [{ entries: [ALPINE_OS, file("lib/apk/db/installed", `${APK_DB}\n`)] }] });
  const result = (await scanImage(deps.blobs, image.digest, { advisories: await advisoryFeed(env.dir) })) as ImageScan;
  expect(result.ok).toBe(true);
  return result.findings.map((f) => `${f.vulnerabilityId} ${f.packageName} ${f.installedVersion} fixed=${f.fixedVersion} ${f.severity}`);
}

describe("advisories:import", () => {
  const zipPath = path.join(env.dir, "all.zip");

  it("a scan before any import matches the curated records only", async () => {
    expect(await scanFindings()).toEqual(["CVE-2022-37434 zlib 1.2.11-r3 fixed=1.2.12-r2 CRITICAL", "CVE-2018-25032 zlib 1.2.11-r3 fixed=1.2.12-r0 HIGH"]);
  });

  it("imports a zip: valid records of matchable ecosystems stored, the rest counted and named", async () => {
    writeFileSync(zipPath, zipOf([{ name: "osv/" }, ...ZIP_ENTRIES.map((e) => ({ name: `osv/${e.name}`, content: e.content }))]));
    const progress: [number, number][] = [];
    const report = await importAdvisories({ dataDir: env.dir, clock: deps.clock }, zipPath, { onProgress: (done, total) => progress.push([done, total]) });
    expect(report).toMatchObject({ kind: "zip", entries: ZIP_ENTRIES.length + 1, imported: 4, skipped: 2, otherEntries: 2, invalid: 2, replacedFamilies: ["Alpine", "Debian"] });
    expect(report.byEcosystem).toEqual({ "Alpine:v3.15": 3, "Alpine:v3.16": 1, "Debian:12": 1 });
    expect(report.invalidRecords.map((r) => r.file)).toEqual(["osv/broken.json", "osv/bad-event.json"]);
    expect(report.invalidRecords[0]!.reason).toContain("not valid JSON");
    expect(report.invalidRecords[1]!.reason).toContain("exactly one of introduced, fixed, last_affected");
    expect(progress.at(-1)).toEqual([ZIP_ENTRIES.length + 1, ZIP_ENTRIES.length + 1]);
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: ZIP_ENTRIES.length + 1 }, (_, i) => i + 1));
    // Only the matchable affected entries are stored.
    const alpineLines = readFileSync(familyFile(env.dir, "Alpine"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; affected: { package: { ecosystem: string } }[] });
    expect(alpineLines.map((r) => r.id)).toEqual(["DOCKYARD-TEST-0001", "DOCKYARD-TEST-0003", "ALPINE-CVE-2022-37434"]);
    expect(alpineLines[1]!.affected.map((a) => a.package.ecosystem)).toEqual(["Alpine:v3.15"]);
  });

  it("a real scan then finds the imported advisories; a curated id keeps the curated record", async () => {
    expect(await scanFindings()).toEqual([
      "CVE-2022-37434 zlib 1.2.11-r3 fixed=1.2.12-r2 CRITICAL",
      "CVE-2018-25032 zlib 1.2.11-r3 fixed=1.2.12-r0 HIGH",
      "DOCKYARD-TEST-0001 busybox 1.34.1-r3 fixed=1.34.1-r5 MEDIUM",
      "DOCKYARD-TEST-0003 musl 1.2.2-r7 fixed=1.2.2-r8 UNDEFINED",
    ]);
  });

  it("--ecosystem-filter keeps only the named families or releases", async () => {
    const report = await importAdvisories({ dataDir: env.dir, clock: deps.clock }, zipPath, { ecosystemFilter: ["Alpine:v3.16"] });
    expect(report).toMatchObject({ imported: 1, byEcosystem: { "Alpine:v3.16": 1 }, replacedFamilies: ["Alpine"] });
    // The Alpine file now holds only the v3.16 part; the Debian file was left alone.
    expect(await scanFindings()).toEqual(["CVE-2022-37434 zlib 1.2.11-r3 fixed=1.2.12-r2 CRITICAL", "CVE-2018-25032 zlib 1.2.11-r3 fixed=1.2.12-r0 HIGH"]);
    expect(readFileSync(familyFile(env.dir, "Debian"), "utf8")).toContain("DOCKYARD-TEST-0004");
  });

  it("reports a damaged zip entry as one invalid record and imports the rest", async () => {
    const damagedName = "DOCKYARD-TEST-0009.json";
    const zip = zipOf([{ name: damagedName, content: record("DOCKYARD-TEST-0009", [alpine("zlib", "1.2.12-r0")]) }, { name: "DOCKYARD-TEST-0001.json", content: ZIP_ENTRIES[1]!.content }]);
    // The first entry's deflate data starts after its 30-byte local header and its name.
    zip.fill(0xff, 30 + damagedName.length, 30 + damagedName.length + 8);
    const damaged = path.join(env.dir, "damaged.zip");
    writeFileSync(damaged, zip);
    const report = await importAdvisories({ dataDir: env.dir, clock: deps.clock }, damaged);
    expect(report).toMatchObject({ imported: 1, invalid: 1 });
    expect(report.invalidRecords[0]).toMatchObject({ file: damagedName, reason: expect.stringContaining("unreadable in the zip") });
  });

  it("refuses a file that is not a zip, and changes nothing", async () => {
    const notZip = path.join(env.dir, "not.zip");
    writeFileSync(notZip, "plain text");
    await expect(importAdvisories({ dataDir: env.dir, clock: deps.clock }, notZip)).rejects.toThrow(/not a readable zip file/);
    await expect(importAdvisories({ dataDir: env.dir, clock: deps.clock }, path.join(env.dir, "missing"))).rejects.toThrow(/does not exist/);
  });

  it("imports a directory through the CLI, with progress lines on a non-TTY stderr, listing the first invalid records", async () => {
    const dir = path.join(env.dir, "export");
    mkdirSync(path.join(dir, "nested"), { recursive: true });
    for (const e of ZIP_ENTRIES.filter((e) => e.name.endsWith(".json"))) writeFileSync(path.join(dir, e.name), e.content);
    for (let i = 0; i < 25; i++) writeFileSync(path.join(dir, "nested", `bad-${String(i).padStart(2, "0")}.json`), record(`DOCKYARD-BAD-${i}`, []));
    const cli = spawnSync(path.join(process.cwd(), "bin", "dockyard.mjs"), ["advisories:import", dir], { env: { ...process.env, DOCKYARD_DATA_DIR: env.dir, DATABASE_URL: `file:${deps.config.databaseFile}` }, encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    const total = ZIP_ENTRIES.filter((e) => e.name.endsWith(".json")).length + 25;
    const lines = cli.stderr.trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe(`advisories:import: ${total}/${total} entries (100%)`);
    expect(cli.stdout).toContain(`Imported 4 record(s) from ${dir} (directory, ${total} entries)`);
    expect(cli.stdout).toMatch(/Alpine:v3\.15\s+3\n/);
    expect(cli.stdout).toContain(`Invalid: 27 record(s).`);
    expect(cli.stdout).toContain(`… and ${27 - INVALID_SHOWN} more.`);
    expect(cli.stdout.match(/^ {2}\S+\.json: /gm)).toHaveLength(INVALID_SHOWN);
    expect(cli.stdout).toContain("affected: Too small");
    // Another process imported: this process's feed notices and reloads.
    expect(await scanFindings()).toContain("DOCKYARD-TEST-0001 busybox 1.34.1-r3 fixed=1.34.1-r5 MEDIUM");
    const refused = spawnSync(path.join(process.cwd(), "bin", "dockyard.mjs"), ["advisories:import", dir, "--ecosystem-filter", "Go"], { env: { ...process.env, DOCKYARD_DATA_DIR: env.dir }, encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("the scanner cannot match Go");
  }, 180_000);
});
