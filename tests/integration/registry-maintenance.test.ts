// Garbage collection, fsck and quotas on a real database and filesystem blob store.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { createRepository, accountStoredBytes } from "@/lib/registry/repositories";
import { collectGarbage } from "@/lib/registry/gc";
import { checkRegistry } from "@/lib/registry/fsck";
import { isRegistryError } from "@/lib/registry/errors";
import { makeTestDeps } from "../helpers/test-deps";
import { ociClient } from "../helpers/oci-client";
import { buildImage } from "../helpers/oci-layout";

const env = makeTestDeps();
const { deps, clock } = env;
afterAll(() => env.cleanup());
const HOUR = 60 * 60 * 1000;

let client: ReturnType<typeof ociClient>;
let accountId: string;
let userId: string;

beforeAll(async () => {
  const user = await createUser(deps, { email: "gc@example.com", password: "gc long password" });
  accountId = user.accountId;
  userId = user.id;
  await createRepository(deps, accountId, "gc/app");
  await freshToken();
});

/** Tokens last 12 hours of the (test) clock; these tests move the clock by days. */
async function freshToken() {
  client = ociClient(deps, (await issueRegistryToken(deps, userId)).password);
}

async function push(tag: string) {
  const image = await buildImage({ layers: 2, layerBytes: 10_000 });
  for (const blob of [image.config, ...image.layers]) expect((await client.pushBlob("gc/app", blob.digest, blob.bytes)).status).toBe(201);
  expect((await client.putManifest("gc/app", tag, image.manifest.bytes, image.mediaType)).status).toBe(201);
  return image;
}

describe("registry:gc", () => {
  it("keeps everything an image uses and deletes what a deleted image left behind, after the grace period", async () => {
    const kept = await push("kept");
    const gone = await push("gone");
    const before = await accountStoredBytes(deps, accountId);
    expect((await client.call("DELETE", `/v2/gc/app/manifests/${gone.manifest.digest}`)).status).toBe(202);

    // Within the grace period nothing is collected (a push may still be on its way).
    expect(await collectGarbage(deps, { graceMs: HOUR })).toMatchObject({ linksPruned: 0, blobsDeleted: 0 });

    clock.advance(2 * HOUR);
    const dry = await collectGarbage(deps, { graceMs: HOUR, dryRun: true });
    expect(dry).toMatchObject({ linksPruned: 4, dryRun: true });
    expect((await client.call("HEAD", `/v2/gc/app/blobs/${gone.layers[0]!.digest}`)).status).toBe(200);

    const report = await collectGarbage(deps, { graceMs: HOUR });
    expect(report).toMatchObject({ linksPruned: 4, blobsDeleted: 4 });
    expect(report.bytesFreed).toBe(gone.manifest.size + gone.config.size + gone.layers.reduce((s, l) => s + l.size, 0));
    expect(await accountStoredBytes(deps, accountId)).toBe(before - report.bytesFreed);
    for (const blob of [gone.config, ...gone.layers]) expect((await client.call("HEAD", `/v2/gc/app/blobs/${blob.digest}`)).status).toBe(404);
    // The kept image still pulls completely.
    expect((await client.call("GET", "/v2/gc/app/manifests/kept")).status).toBe(200);
    for (const blob of [kept.config, ...kept.layers]) {
      const res = await client.call("GET", `/v2/gc/app/blobs/${blob.digest}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(blob.bytes)).toBe(true);
    }
    expect((await checkRegistry(deps)).problems).toEqual([]);
  });

  it("removes uploads abandoned for longer than the upload expiry", async () => {
    const start = await client.call("POST", "/v2/gc/app/blobs/uploads/");
    const location = start.headers.get("location")!;
    await client.call("PATCH", location, { body: Buffer.from("partial") });
    clock.advance(deps.config.registry.uploadExpiryMs + 1000);
    await freshToken();
    expect((await collectGarbage(deps, { graceMs: HOUR })).uploadsPurged).toBe(1);
    expect((await client.call("GET", location)).status).toBe(404);
  });
});

describe("registry:fsck", () => {
  it("finds a blob whose bytes were altered on disk, and a missing file", async () => {
    await freshToken();
    const image = await push("fsck");
    expect((await checkRegistry(deps)).problems).toEqual([]);
    const layer = image.layers[0]!;
    const hex = layer.digest.slice("sha256:".length);
    const file = path.join(deps.config.dataDir, "registry", "blobs", "sha256", hex.slice(0, 2), hex);
    writeFileSync(file, Buffer.alloc(layer.size, 1));
    const report = await checkRegistry(deps);
    expect(report.problems).toEqual([expect.objectContaining({ kind: "digest-mismatch", subject: layer.digest })]);
    await deps.blobs.delete(`blobs/sha256/${hex.slice(0, 2)}/${hex}`);
    expect((await checkRegistry(deps)).problems).toEqual([expect.objectContaining({ kind: "missing-file", subject: layer.digest })]);
  });
});

describe("quotas", () => {
  it("refuses a repository beyond the per-account limit with a clear message", async () => {
    const user = await createUser(deps, { email: "quota@example.com", password: "quota long password" });
    for (let i = 0; i < deps.config.registry.maxRepositories; i++) await createRepository(deps, user.accountId, `repo-${i}`);
    const error = await createRepository(deps, user.accountId, "one-too-many").catch((e: unknown) => e);
    expect(isRegistryError(error, "Denied")).toBe(true);
    expect((error as Error).message).toContain("the most it may have");
  });

  it("refuses a blob that would exceed the account's storage quota (DENIED) and stores nothing", async () => {
    const user = await createUser(deps, { email: "storage@example.com", password: "storage long password" });
    await createRepository(deps, user.accountId, "big");
    const c = ociClient(deps, (await issueRegistryToken(deps, user.id)).password);
    const { createHash, randomBytes } = await import("node:crypto");
    const chunk = randomBytes(deps.config.registry.maxUploadBytes - 1);
    const digest = (b: Buffer) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
    expect((await c.pushBlob("big", digest(chunk), chunk)).status).toBe(201);
    const second = randomBytes(deps.config.registry.maxUploadBytes - 1);
    const res = await c.pushBlob("big", digest(second), second);
    expect(res.status).toBe(201);
    const third = randomBytes(deps.config.registry.maxUploadBytes - 1);
    const refused = await c.pushBlob("big", digest(third), third);
    expect(refused.status).toBe(403);
    const body = await c.json(refused);
    expect(body.errors?.[0]?.code).toBe("DENIED");
    expect(body.errors?.[0]?.message).toContain("Storage quota exceeded");
    expect((await c.call("HEAD", `/v2/big/blobs/${digest(third)}`)).status).toBe(404);
  });
});
