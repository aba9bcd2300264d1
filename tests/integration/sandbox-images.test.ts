// The sandbox images labs rely on: built into a learner's registry through ECR's CreateRepository
// and the registry's own push path, scanned through the real StartImageScan path, and each gives
// exactly the findings written out below from content/advisories (never from the code under
// test). Builds are deterministic, and the "push, see findings, rebuild on the patched base,
// rescan, see them gone" flow works end to end.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { ecrContext, type EcrContext } from "@/lib/ecr/context";
import { createRepository } from "@/lib/ecr/operations/repositories";
import { describeImageScanFindings, startImageScan } from "@/lib/ecr/operations/scanning";
import { findRepository } from "@/lib/ecr/repository-record";
import { advisoryFeed } from "@/lib/ecr/scanning/advisory-feed";
import { settleScans } from "@/lib/ecr/scanning/scan-jobs";
import { scanImage } from "@/lib/scanner";
import { pushBuiltImage } from "@/lib/sandbox/push-image";
import { buildSandboxImage, buildSandboxImages, type PushedSandboxImage } from "@/lib/sandbox/sandbox-images";
import { findSandboxTemplate } from "@/lib/sandbox/templates";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-03-01T10:00:00Z", { maxRepositories: 20 });
const { deps } = env;
afterAll(() => env.cleanup());

let ctx: EcrContext;
let accountId: string;
let pushed: PushedSandboxImage[];

beforeAll(async () => {
  const user = await createUser(deps, { email: "sandbox@example.com", password: "sandbox long password" });
  accountId = user.accountId;
  ctx = await ecrContext(deps, { accountId });
  pushed = await buildSandboxImages(deps, user);
});

type FindingsReply = { imageScanStatus: { status: string; description: string }; imageScanFindings?: { findingSeverityCounts: Record<string, number>; findings: { name: string; severity: string; attributes: { key: string; value: string }[] }[] } };

/** StartImageScan, wait, DescribeImageScanFindings: the path the API and console use. */
async function scan(repositoryName: string, imageId: { imageTag: string } | { imageDigest: string }): Promise<FindingsReply> {
  await startImageScan(ctx, { repositoryName, imageId });
  await settleScans();
  return (await describeImageScanFindings(ctx, { repositoryName, imageId })) as FindingsReply;
}

/** "SEVERITY CVE package installed fixed" per finding, in ECR's order. */
function rows(reply: FindingsReply): string[] {
  return (reply.imageScanFindings?.findings ?? []).map((f) => {
    const attr = (key: string) => f.attributes.find((a) => a.key === key)?.value ?? "-";
    return `${f.severity} ${f.name} ${attr("package_name")} ${attr("package_version")} ${attr("fixed_in_version")}`;
  });
}

// Written out from content/advisories: alpine/CVE-2022-37434 (v3.15 fixed 1.2.12-r2, CVSS 9.8),
// alpine/CVE-2018-25032 (v3.15 fixed 1.2.12-r0, 7.5), alpine/CVE-2022-0778 (v3.15 openssl fixed
// 1.1.1n-r0, 7.5).
const ALPINE_315_OLD = [
  "CRITICAL CVE-2022-37434 zlib 1.2.11-r3 1.2.12-r2",
  "HIGH CVE-2018-25032 zlib 1.2.11-r3 1.2.12-r0",
  "HIGH CVE-2022-0778 libcrypto1.1 1.1.1l-r7 1.1.1n-r0",
  "HIGH CVE-2022-0778 libssl1.1 1.1.1l-r7 1.1.1n-r0",
];
// debian/CVE-2022-37434 (Debian:11 fixed +deb11u2, 9.8), debian/CVE-2018-25032 (+deb11u1, 7.5),
// debian/CVE-2022-0778 (1.1.1k-1+deb11u2, 7.5), debian/CVE-2022-1271 (gzip 1.10-4+deb11u1,
// xz-utils 5.2.5-2.1~deb11u1, 8.8). sudo (CVE-2021-3156 is Debian:10 only) and glibc
// (CVE-2023-4911 is Debian:12 only) are installed but not affected.
const DEBIAN_11_OLD = [
  "CRITICAL CVE-2022-37434 zlib1g 1:1.2.11.dfsg-2 1:1.2.11.dfsg-2+deb11u2",
  "HIGH CVE-2018-25032 zlib1g 1:1.2.11.dfsg-2 1:1.2.11.dfsg-2+deb11u1",
  "HIGH CVE-2022-0778 libssl1.1 1.1.1k-1+deb11u1 1.1.1k-1+deb11u2",
  "HIGH CVE-2022-1271 gzip 1.10-4 1.10-4+deb11u1",
  "HIGH CVE-2022-1271 liblzma5 5.2.5-2 5.2.5-2.1~deb11u1",
];
// alpine/CVE-2022-37434 (v3.16 fixed 1.2.12-r2) and alpine/CVE-2022-30065 (v3.16 busybox fixed
// 1.35.0-r15, 7.8); openssl 1.1.1o-r0 is past the v3.16 CVE-2022-0778 fix.
const ALPINE_316 = [
  "CRITICAL CVE-2022-37434 zlib 1.2.12-r1 1.2.12-r2",
  "HIGH CVE-2022-30065 busybox 1.35.0-r13 1.35.0-r15",
  "HIGH CVE-2022-30065 ssl_client 1.35.0-r13 1.35.0-r15",
];

describe("sandbox:images", () => {
  it("pushes every image under the sandbox/ repositories with clear tags", async () => {
    expect(pushed.map((p) => `${p.repository}:${p.tag} ${p.platforms.join(",")}`)).toEqual([
      "sandbox/alpine:3.15-old linux/amd64",
      "sandbox/alpine:3.15-patched linux/amd64",
      "sandbox/debian:11-old linux/amd64",
      "sandbox/debian:11-patched linux/amd64",
      "sandbox/scratch:latest linux/amd64",
      "sandbox/multiarch:latest linux/amd64,linux/arm64/v8",
    ]);
    for (const p of pushed) expect(p.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const repo = await findRepository(deps, accountId, "sandbox/alpine");
    expect(repo).toMatchObject({ imageTagMutability: "MUTABLE", scanOnPush: false, encryptionType: "AES256" });
    const tags = await deps.db.tag.findMany({ where: { repository: { accountId } }, orderBy: { name: "asc" } });
    expect(tags.length).toBe(6);
  });

  it("give exactly their expected findings through StartImageScan", async () => {
    const expected: Record<string, string[]> = {
      "sandbox/alpine:3.15-old": ALPINE_315_OLD,
      "sandbox/alpine:3.15-patched": [],
      "sandbox/debian:11-old": DEBIAN_11_OLD,
      "sandbox/debian:11-patched": [],
      "sandbox/multiarch:latest": ALPINE_316,
    };
    for (const [ref, want] of Object.entries(expected)) {
      const [repository, tag] = ref.split(":") as [string, string];
      const reply = await scan(repository, { imageTag: tag });
      expect(reply.imageScanStatus.status, ref).toBe("COMPLETE");
      expect(rows(reply), ref).toEqual(want);
      // The summary the CLI prints agrees with the real scan.
      const template = pushed.find((p) => p.repository === repository && p.tag === tag)!;
      expect(template.expected, ref).toEqual({ status: "COMPLETE", findingSeverityCounts: reply.imageScanFindings!.findingSeverityCounts });
    }
  });

  it("reports the scratch image as UNSUPPORTED_IMAGE", async () => {
    const reply = await scan("sandbox/scratch", { imageTag: "latest" });
    expect(reply.imageScanStatus.status).toBe("UNSUPPORTED_IMAGE");
    expect(reply.imageScanStatus.description).toMatch(/^UnsupportedImageError: .*no \/etc\/os-release/);
    expect(reply.imageScanFindings).toBeUndefined();
  });

  it("scans the multi-platform index as one result per platform, each with the same findings", async () => {
    const index = pushed.find((p) => p.repository === "sandbox/multiarch")!;
    expect(index.mediaType).toBe("application/vnd.oci.image.index.v1+json");
    const result = await scanImage(deps.blobs, index.digest, { advisories: await advisoryFeed(deps.config.dataDir) });
    if (!result.ok || result.kind !== "index") throw new Error(`expected an index scan, got ${JSON.stringify(result)}`);
    expect(result.platforms.length).toBe(2);
    const perPlatform = result.platforms.map((p) => {
      if (!p.ok) throw new Error(p.description);
      return { platform: p.platform, os: p.os?.prettyName, arch: [...new Set(p.packages.map((pkg) => pkg.arch))], findings: p.findings.map((f) => `${f.severity} ${f.vulnerabilityId} ${f.packageName} ${f.installedVersion} ${f.fixedVersion}`) };
    });
    expect(perPlatform).toEqual([
      { platform: { os: "linux", architecture: "amd64" }, os: "Alpine Linux v3.16", arch: ["x86_64"], findings: ALPINE_316 },
      { platform: { os: "linux", architecture: "arm64", variant: "v8" }, os: "Alpine Linux v3.16", arch: ["aarch64"], findings: ALPINE_316 },
    ]);
  });

  it("builds real OCI images: diff_ids are the sha256 of each uncompressed layer, the config names the platform", async () => {
    const built = await buildSandboxImage(findSandboxTemplate("multiarch", "latest")!);
    for (const image of built.images) {
      const config = JSON.parse(image.config.bytes.toString("utf8")) as { os: string; architecture: string; variant?: string; rootfs: { type: string; diff_ids: string[] } };
      expect({ os: config.os, architecture: config.architecture, variant: config.variant }).toEqual({ ...image.platform, variant: image.platform.variant });
      const tar = gunzipSync(image.layers[0]!.bytes);
      expect(config.rootfs).toEqual({ type: "layers", diff_ids: [`sha256:${createHash("sha256").update(tar).digest("hex")}`] });
    }
    const index = JSON.parse(built.top.bytes.toString("utf8")) as { manifests: { digest: string; platform: unknown }[] };
    expect(index.manifests).toEqual(built.images.map((i) => expect.objectContaining({ digest: i.manifest.digest, platform: i.platform })));
  });

  it("is idempotent: building again gives identical digests, no new images and no error", async () => {
    const manifestsBefore = await deps.db.manifest.count();
    const again = await buildSandboxImages(deps, { accountId });
    expect(again).toEqual(pushed);
    expect(await deps.db.manifest.count()).toBe(manifestsBefore);
    expect((await buildSandboxImage(findSandboxTemplate("alpine", "3.15-old")!)).top.digest).toBe(pushed[0]!.digest);
  });

  it("puts the repositories under another prefix when asked", async () => {
    const other = await createUser(deps, { email: "labs@example.com", password: "labs long password" });
    const inLabs = await buildSandboxImages(deps, other, { repositoryPrefix: "labs/base" });
    expect(inLabs.map((p) => p.repository)).toEqual(["labs/base/alpine", "labs/base/alpine", "labs/base/debian", "labs/base/debian", "labs/base/scratch", "labs/base/multiarch"]);
    expect(inLabs.map((p) => p.digest)).toEqual(pushed.map((p) => p.digest));
  });

  it("lets a learner push, see findings, rebuild on the patched base, rescan and see them gone", async () => {
    await createRepository(ctx, { repositoryName: "my-app" });
    const repo = (await findRepository(deps, accountId, "my-app"))!;
    const oldDigest = await pushBuiltImage(ctx, repo, "latest", await buildSandboxImage(findSandboxTemplate("alpine", "3.15-old")!));
    const before = await scan("my-app", { imageTag: "latest" });
    expect(rows(before)).toEqual(ALPINE_315_OLD);

    const newDigest = await pushBuiltImage(ctx, repo, "latest", await buildSandboxImage(findSandboxTemplate("alpine", "3.15-patched")!));
    expect(newDigest).not.toBe(oldDigest);
    const after = await scan("my-app", { imageDigest: newDigest });
    expect(after.imageScanStatus.status).toBe("COMPLETE");
    expect(after.imageScanFindings!.findings).toEqual([]);
    expect(after.imageScanFindings!.findingSeverityCounts).toEqual({});
    // The tag moved to the patched image; the old image keeps its findings, untagged.
    expect(rows((await describeImageScanFindings(ctx, { repositoryName: "my-app", imageId: { imageTag: "latest" } })) as FindingsReply)).toEqual([]);
    expect(rows((await describeImageScanFindings(ctx, { repositoryName: "my-app", imageId: { imageDigest: oldDigest } })) as FindingsReply)).toEqual(ALPINE_315_OLD);
  });
});

describe("npm run dockyard -- sandbox:images", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "dockyard-sandbox-cli-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const dockyard = (...args: string[]) => spawnSync(path.join(process.cwd(), "bin", "dockyard.mjs"), args, { env: { ...process.env, DOCKYARD_DATA_DIR: dataDir }, encoding: "utf8" });

  it("prints a table of what it pushed, and the same digests as JSON on a second run", () => {
    expect(dockyard("user:create", "--email", "cli@example.com", "--password", "a long enough password").status).toBe(0);
    const table = dockyard("sandbox:images", "--email", "cli@example.com");
    expect(table.stderr).toBe("");
    expect(table.status).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^REPOSITORY\s+TAG\s+DIGEST\s+PLATFORMS\s+EXPECTED FINDINGS$/);
    expect(lines[1]).toMatch(/^sandbox\/alpine\s+3\.15-old\s+sha256:[0-9a-f]{64}\s+linux\/amd64\s+CRITICAL 1, HIGH 3$/);
    expect(lines[2]).toMatch(/^sandbox\/alpine\s+3\.15-patched\s+sha256:[0-9a-f]{64}\s+linux\/amd64\s+no findings$/);
    expect(lines[5]).toMatch(/^sandbox\/scratch\s+latest\s+sha256:[0-9a-f]{64}\s+linux\/amd64\s+UNSUPPORTED_IMAGE$/);
    expect(lines[6]).toMatch(/^sandbox\/multiarch\s+latest\s+sha256:[0-9a-f]{64}\s+linux\/amd64,linux\/arm64\/v8\s+CRITICAL 1, HIGH 2$/);

    const json = dockyard("sandbox:images", "--email", "cli@example.com", "--json");
    expect(json.status, json.stderr).toBe(0);
    const again = JSON.parse(json.stdout) as PushedSandboxImage[];
    // Same bytes on another database and process: the digests match the in-process build.
    expect(again.map((p) => `${p.repository}:${p.tag}@${p.digest}`)).toEqual(pushed.map((p) => `${p.repository}:${p.tag}@${p.digest}`));
    expect(table.stdout).toContain(again[0]!.digest);
  });

  it("explains a missing or unknown user and bad flags with exit code 2", () => {
    expect(dockyard("sandbox:images").stderr).toContain("--email: is required");
    const unknown = dockyard("sandbox:images", "--email", "nobody@example.com");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("No user with email nobody@example.com");
    const bad = dockyard("sandbox:images", "--email", "cli@example.com", "--prefix", "Bad Prefix");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--prefix");
  });
});
