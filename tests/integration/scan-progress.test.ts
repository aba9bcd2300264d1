// Progress of running scans as the console polls it (lib/ecr/scanning/scan-progress.ts behind
// GET /{locale}/registry/scan-progress): bytes read rise while the scan runs and are gone when it
// ends; another learner sees nothing of it; a scan another process left IN_PROGRESS has no
// progress here and ends FAILED, never stuck; the inventory is stored for the console's table.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { createAccessKey } from "@/lib/auth/access-keys";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { failInterruptedScans, settleScans } from "@/lib/ecr/scanning/scan-jobs";
import { repositoryScanProgress, type ScanProgressView } from "@/lib/ecr/scanning/scan-progress";
import { scanInventory } from "@/lib/ecr/scanning/scan-inventory";
import { scanViews } from "@/lib/ecr/scanning/scan-views";
import { findRepository } from "@/lib/ecr/repository-record";
import { makeTestDeps } from "../helpers/test-deps";
import { ecrClient } from "../helpers/ecr-client";
import { ociClient } from "../helpers/oci-client";
import { compress, digestOf, file, tarOf, type Entry } from "../helpers/rootfs-image";

const env = makeTestDeps("2026-03-01T10:00:00Z", { maxRepositories: 50 });
const { deps } = env;
afterAll(() => env.cleanup());

type Learner = { userId: string; accountId: string; api: ReturnType<typeof ecrClient> };
let alice: Learner;
let bob: Learner;

async function learner(email: string): Promise<Learner> {
  const user = await createUser(deps, { email, password: "progress long password" });
  return { userId: user.id, accountId: user.accountId, api: ecrClient(deps, await createAccessKey(deps, user.accountId)) };
}

beforeAll(async () => {
  alice = await learner("alice-progress@example.com");
  bob = await learner("bob-progress@example.com");
});

const ALPINE = file("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.0\nPRETTY_NAME="Alpine Linux v3.15"\n');
const APK = file("lib/apk/db/installed", "P:zlib\nV:1.2.11-r3\nA:x86_64\no:zlib\n\nP:musl\nV:1.2.2-r7\nA:x86_64\no:musl\n\n");

/** Pushes a one-layer image over /v2/ as the learner; returns the manifest and layer digests and the layer size. */
async function push(who: Learner, repo: string, tag: string, entries: Entry[]) {
  const oci = ociClient(deps, (await issueRegistryToken(deps, who.userId)).password);
  const layer = compress(tarOf(entries), "gzip");
  const config = Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: [] }, config: {} }));
  for (const blob of [layer, config]) expect((await oci.pushBlob(repo, digestOf(blob), blob)).status).toBe(201);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: digestOf(config), size: config.length }, layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: digestOf(layer), size: layer.length }] }));
  expect((await oci.putManifest(repo, tag, manifest, "application/vnd.oci.image.manifest.v1+json")).status).toBe(201);
  return { digest: digestOf(manifest), layerDigest: digestOf(layer), layerSize: layer.length };
}

describe("scan progress for the console", () => {
  it("rises while the scan runs, is gone when it ends, and is the learner's own", async () => {
    await alice.api.call("CreateRepository", { repositoryName: "progress/app" });
    // 12 MiB of random bytes do not compress: the layer is read in many chunks.
    const image = await push(alice, "progress/app", "big", [ALPINE, APK, file("opt/payload.bin", randomBytes(12 * 1024 * 1024))]);
    const started = await alice.api.call("StartImageScan", { repositoryName: "progress/app", imageId: { imageTag: "big" } });
    expect(started.status).toBe(200);

    const samples: ScanProgressView[] = [];
    for (;;) {
      const [view] = await repositoryScanProgress(deps, alice.accountId, "progress/app");
      if (!view || view.status !== "IN_PROGRESS") break;
      samples.push(view);
      // Another learner polling the same name sees nothing, even mid-scan.
      if (samples.length === 1) expect(await repositoryScanProgress(deps, bob.accountId, "progress/app")).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await settleScans();

    const partial = samples.map((s) => s.progress).filter((p) => p !== null && p.bytesRead > 0 && p.bytesRead < p.totalBytes);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((p) => p!.totalBytes === image.layerSize)).toBe(true);
    const read = partial.map((p) => p!.bytesRead);
    expect([...read].sort((a, b) => a - b)).toEqual(read);

    expect(await repositoryScanProgress(deps, alice.accountId, "progress/app")).toEqual([{ digest: image.digest, status: "COMPLETE", progress: null }]);
    const repo = await findRepository(deps, alice.accountId, "progress/app");
    const inventory = await scanInventory(deps, repo!.id, image.digest);
    expect(inventory?.status).toBe("COMPLETE");
    expect(inventory?.packages.map((p) => `${p.name} ${p.version} ${p.manager} ${p.ecosystem} ${p.layerDigest}`).sort()).toEqual([`musl 1.2.2-r7 apk Alpine:v3.15 ${image.layerDigest}`, `zlib 1.2.11-r3 apk Alpine:v3.15 ${image.layerDigest}`]);
    expect(await scanInventory(deps, repo!.id, `sha256:${"0".repeat(64)}`)).toBeNull();
  });

  it("has no progress for a scan another process runs, and ends it FAILED when that process died", async () => {
    await alice.api.call("CreateRepository", { repositoryName: "progress/orphan" });
    const image = await push(alice, "progress/orphan", "v1", [ALPINE, APK]);
    const manifest = await deps.db.manifest.findFirstOrThrow({ where: { digest: image.digest, repository: { name: "progress/orphan" } } });
    // What a process that crashed mid-scan leaves behind: a row IN_PROGRESS that no one here runs.
    await deps.db.imageScan.create({ data: { manifestId: manifest.id, status: "IN_PROGRESS", startedAt: deps.clock.now() } });
    expect(await repositoryScanProgress(deps, alice.accountId, "progress/orphan")).toEqual([{ digest: image.digest, status: "IN_PROGRESS", progress: null }]);

    expect(await failInterruptedScans(deps)).toBe(1);
    expect(await repositoryScanProgress(deps, alice.accountId, "progress/orphan")).toEqual([{ digest: image.digest, status: "FAILED", progress: null }]);
    const repo = await findRepository(deps, alice.accountId, "progress/orphan");
    const view = (await scanViews(deps, repo!.id)).get(image.digest);
    expect(view?.status).toBe("FAILED");
    expect(view?.description).toMatch(/interrupted/);
  });
});
