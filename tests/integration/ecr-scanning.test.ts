// Basic image scanning through the ECR API: the scan reads the image pushed over /v2/, findings
// come back in ECR's shape, the once-per-24-hours quota follows the account's clock, scan on push
// follows the repository flag and registry rules, and a patched rebuild scans clean.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { createAccessKey } from "@/lib/auth/access-keys";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { failInterruptedScans, settleScans } from "@/lib/ecr/scanning/scan-jobs";
import { scanFilterMatches } from "@/lib/ecr/scanning/scan-filters";
import { makeTestDeps } from "../helpers/test-deps";
import { ecrClient, errorOf } from "../helpers/ecr-client";
import { ociClient } from "../helpers/oci-client";
import { compress, digestOf, file, tarOf, type Entry } from "../helpers/rootfs-image";

const env = makeTestDeps("2026-03-01T10:00:00Z", { maxRepositories: 50 });
const { deps } = env;
afterAll(() => env.cleanup());

let api: ReturnType<typeof ecrClient>;
let userId: string;

beforeAll(async () => {
  const user = await createUser(deps, { email: "scan@example.com", password: "scan long password" });
  userId = user.id;
  api = ecrClient(deps, await createAccessKey(deps, user.accountId));
});

const ALPINE = file("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.0\nPRETTY_NAME="Alpine Linux v3.15"\n');
const apkDb = (pkgs: [string, string, string][]) => pkgs.map(([n, v, o]) => `P:${n}\nV:${v}\nA:x86_64\no:${o}\n`).join("\n") + "\n";
const OLD: [string, string, string][] = [
  ["musl", "1.2.2-r7", "musl"],
  ["libssl1.1", "1.1.1l-r7", "openssl"],
  ["libcrypto1.1", "1.1.1l-r7", "openssl"],
  ["zlib", "1.2.11-r3", "zlib"],
];
const PATCHED: [string, string, string][] = OLD.map(([n, v, o]) => [n, o === "openssl" ? "1.1.1n-r0" : o === "zlib" ? "1.2.12-r2" : v, o]);

/** Pushes a one-layer image made of `entries` over /v2/ as the learner; returns its digest. */
async function push(repo: string, tag: string, entries: Entry[], rawLayer?: Buffer): Promise<string> {
  const oci = ociClient(deps, (await issueRegistryToken(deps, userId)).password);
  const layer = rawLayer ?? compress(tarOf(entries), "gzip");
  const config = Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: [] }, config: {} }));
  for (const blob of [layer, config]) expect((await oci.pushBlob(repo, digestOf(blob), blob)).status).toBe(201);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: digestOf(config), size: config.length }, layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: digestOf(layer), size: layer.length }] }));
  expect((await oci.putManifest(repo, tag, manifest, "application/vnd.oci.image.manifest.v1+json")).status).toBe(201);
  return digestOf(manifest);
}

async function findings(repo: string, tag: string) {
  await settleScans();
  const reply = await api.call("DescribeImageScanFindings", { repositoryName: repo, imageId: { imageTag: tag } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as { imageScanStatus: { status: string; description: string }; imageScanFindings?: { findingSeverityCounts: Record<string, number>; findings: { name: string; severity: string; attributes: { key: string; value: string }[] }[] } };
}

describe("StartImageScan and DescribeImageScanFindings", () => {
  it("finds the CVEs of what was pushed, in ECR's shape, and a patched rebuild scans clean", async () => {
    await api.call("CreateRepository", { repositoryName: "scan/app" });
    await push("scan/app", "old", [ALPINE, file("lib/apk/db/installed", apkDb(OLD))]);
    errorOf(await api.call("DescribeImageScanFindings", { repositoryName: "scan/app", imageId: { imageTag: "old" } }), "ScanNotFoundException");
    const started = await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "old" } });
    expect(started.body).toMatchObject({ imageId: { imageTag: "old" }, imageScanStatus: { status: "IN_PROGRESS" } });

    const result = await findings("scan/app", "old");
    expect(result.imageScanStatus).toEqual({ status: "COMPLETE", description: "The scan was completed successfully." });
    const rows = result.imageScanFindings!.findings.map((f) => `${f.severity} ${f.name} ${f.attributes.map((a) => `${a.key}=${a.value}`).join(" ")}`);
    expect(rows).toEqual([
      "CRITICAL CVE-2022-37434 package_name=zlib package_version=1.2.11-r3 fixed_in_version=1.2.12-r2",
      "HIGH CVE-2018-25032 package_name=zlib package_version=1.2.11-r3 fixed_in_version=1.2.12-r0",
      "HIGH CVE-2022-0778 package_name=libcrypto1.1 package_version=1.1.1l-r7 fixed_in_version=1.1.1n-r0",
      "HIGH CVE-2022-0778 package_name=libssl1.1 package_version=1.1.1l-r7 fixed_in_version=1.1.1n-r0",
    ]);
    expect(result.imageScanFindings!.findingSeverityCounts).toEqual({ CRITICAL: 1, HIGH: 3 });
    const described = await api.call("DescribeImages", { repositoryName: "scan/app", imageIds: [{ imageTag: "old" }] });
    expect((described.body.imageDetails as Record<string, unknown>[])[0]).toMatchObject({ imageScanStatus: { status: "COMPLETE" }, imageScanFindingsSummary: { findingSeverityCounts: { CRITICAL: 1, HIGH: 3 } } });

    await push("scan/app", "patched", [ALPINE, file("lib/apk/db/installed", apkDb(PATCHED))]);
    await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "patched" } });
    const clean = await findings("scan/app", "patched");
    expect(clean.imageScanStatus.status).toBe("COMPLETE");
    expect(clean.imageScanFindings!.findings).toEqual([]);
  });

  it("allows one scan per image per 24 hours of the account's clock", async () => {
    errorOf(await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "old" } }), "LimitExceededException");
    await api.sandbox("AdvanceClock", { days: 1 });
    expect((await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "old" } })).status).toBe(200);
    await settleScans();
  });

  it("ends a scratch image as UNSUPPORTED_IMAGE and a corrupt layer as FAILED, with a description", async () => {
    await push("scan/app", "scratch", [file("app/hello.txt", "hello")]);
    await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "scratch" } });
    const scratch = await findings("scan/app", "scratch");
    expect(scratch.imageScanStatus.status).toBe("UNSUPPORTED_IMAGE");
    expect(scratch.imageScanStatus.description).toMatch(/^UnsupportedImageError: /);
    expect(scratch.imageScanFindings).toBeUndefined();

    const corrupt = Buffer.concat([compress(tarOf([ALPINE]), "gzip").subarray(0, 40), Buffer.from("not gzip any more")]);
    await push("scan/app", "corrupt", [], corrupt);
    await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "corrupt" } });
    const failed = await findings("scan/app", "corrupt");
    expect(failed.imageScanStatus.status).toBe("FAILED");
    expect(failed.imageScanStatus.description.length).toBeGreaterThan(10);
  });

  it("rejects unknown images and bad ids with ECR's errors", async () => {
    errorOf(await api.call("StartImageScan", { repositoryName: "scan/app", imageId: { imageTag: "nope" } }), "ImageNotFoundException");
    errorOf(await api.call("StartImageScan", { repositoryName: "scan/app", imageId: {} }), "InvalidParameterException");
    errorOf(await api.call("StartImageScan", { repositoryName: "scan/nope", imageId: { imageTag: "x" } }), "RepositoryNotFoundException");
  });
});

describe("scan on push", () => {
  it("follows the repository flag and registry SCAN_ON_PUSH rules with ECR's filter semantics", async () => {
    await api.call("CreateRepository", { repositoryName: "flagged", imageScanningConfiguration: { scanOnPush: true } });
    await push("flagged", "v1", [ALPINE, file("lib/apk/db/installed", apkDb(OLD))]);
    expect((await findings("flagged", "v1")).imageScanStatus.status).toBe("COMPLETE");

    await api.call("CreateRepository", { repositoryName: "team/prod-api" });
    await api.call("CreateRepository", { repositoryName: "team/dev-api" });
    await api.call("PutRegistryScanningConfiguration", { scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "prod", filterType: "WILDCARD" }] }] });
    await push("team/prod-api", "v1", [ALPINE, file("lib/apk/db/installed", apkDb(PATCHED))]);
    await push("team/dev-api", "v1", [ALPINE, file("lib/apk/db/installed", apkDb(PATCHED))]);
    expect((await findings("team/prod-api", "v1")).imageScanStatus.status).toBe("COMPLETE");
    await settleScans();
    errorOf(await api.call("DescribeImageScanFindings", { repositoryName: "team/dev-api", imageId: { imageTag: "v1" } }), "ScanNotFoundException");
    // A scan on push counts toward the daily quota.
    errorOf(await api.call("StartImageScan", { repositoryName: "team/prod-api", imageId: { imageTag: "v1" } }), "LimitExceededException");
  });

  it("matches filters as the ECR documentation's table says", () => {
    const names = ["prod", "repo-prod", "prod-repo", "repo-prod-repo", "prodrepo"];
    const matching = (filter: string) => names.filter((n) => scanFilterMatches(filter, n));
    expect(matching("prod")).toEqual(names);
    expect(matching("*prod")).toEqual(["prod", "repo-prod"]);
    expect(matching("prod*")).toEqual(["prod", "prod-repo", "prodrepo"]);
    expect(matching("*prod*")).toEqual(names);
    expect(matching("prod*repo")).toEqual(["prod-repo", "prodrepo"]);
  });
});

describe("interrupted scans", () => {
  it("are ended as FAILED at the next start instead of staying IN_PROGRESS", async () => {
    const manifest = await deps.db.manifest.findFirstOrThrow({ where: { repository: { name: "scan/app" } } });
    await deps.db.imageScan.update({ where: { manifestId: manifest.id }, data: { status: "IN_PROGRESS" } });
    expect(await failInterruptedScans(deps)).toBe(1);
    const row = await deps.db.imageScan.findUniqueOrThrow({ where: { manifestId: manifest.id } });
    expect(row.status).toBe("FAILED");
    expect(row.description).toMatch(/interrupted/);
  });
});
