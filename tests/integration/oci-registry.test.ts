// The OCI Distribution face through handleOciRequest, on a real SQLite database and filesystem
// blob store. Named after the wire calls they exercise.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { issueRegistryToken, REGISTRY_TOKEN_TTL_MS, revokeRegistryTokens } from "@/lib/auth/registry-tokens";
import { createRepository } from "@/lib/registry/repositories";
import { makeTestDeps } from "../helpers/test-deps";
import { ociClient } from "../helpers/oci-client";
import { buildImage, indexOf } from "../helpers/oci-layout";

const env = makeTestDeps();
const { deps, clock } = env;
afterAll(() => env.cleanup());

const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const sha512 = (b: Uint8Array) => `sha512:${createHash("sha512").update(b).digest("hex")}`;

let a: ReturnType<typeof ociClient>;
let b: ReturnType<typeof ociClient>;
let alicePassword: string;

beforeAll(async () => {
  const alice = await createUser(deps, { email: "alice@example.com", password: "alice long password" });
  const bob = await createUser(deps, { email: "bob@example.com", password: "bob long password" });
  await createRepository(deps, alice.accountId, "team/app");
  await createRepository(deps, alice.accountId, "team/other");
  await createRepository(deps, bob.accountId, "team/app");
  alicePassword = (await issueRegistryToken(deps, alice.id)).password;
  a = ociClient(deps, alicePassword);
  b = ociClient(deps, (await issueRegistryToken(deps, bob.id)).password);
});

async function pushImage(client = a, name = "team/app", tag = "1.0") {
  const image = await buildImage({ layers: 2 });
  for (const blob of [image.config, ...image.layers]) expect((await client.pushBlob(name, blob.digest, blob.bytes)).status).toBe(201);
  const put = await client.putManifest(name, tag, image.manifest.bytes, image.mediaType);
  expect(put.status).toBe(201);
  return image;
}

describe("GET /v2/ — authentication", () => {
  it("answers 401 with a Basic challenge without credentials or with a bad password", async () => {
    for (const client of [ociClient(deps, null), ociClient(deps, "dyr1.not-a-real-token")]) {
      const res = await client.call("GET", "/v2/");
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
      expect((await client.json(res)).errors?.[0]?.code).toBe("UNAUTHORIZED");
    }
  });

  it("accepts the AWS user with a current token, and refuses it after 12 hours or revocation", async () => {
    expect((await a.call("GET", "/v2/")).status).toBe(200);
    const user = await deps.db.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    const short = await issueRegistryToken(deps, user.id);
    const client = ociClient(deps, short.password);
    expect((await client.call("GET", "/v2/")).status).toBe(200);
    clock.advance(REGISTRY_TOKEN_TTL_MS + 1000);
    expect((await client.call("GET", "/v2/")).status).toBe(401);
    clock.advance(-(REGISTRY_TOKEN_TTL_MS + 1000));
    const revoked = await issueRegistryToken(deps, user.id);
    await revokeRegistryTokens(deps, user.id);
    expect((await ociClient(deps, revoked.password).call("GET", "/v2/")).status).toBe(401);
    alicePassword = (await issueRegistryToken(deps, user.id)).password;
    a = ociClient(deps, alicePassword);
  });
});

describe("blob uploads", () => {
  it("POST ?digest= stores a monolithic upload; HEAD and GET serve it with Docker-Content-Digest", async () => {
    const bytes = randomBytes(4096);
    const res = await a.pushBlob("team/app", sha256(bytes), bytes);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/v2/team/app/blobs/${sha256(bytes)}`);
    const head = await a.call("HEAD", `/v2/team/app/blobs/${sha256(bytes)}`);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("4096");
    expect(head.headers.get("docker-content-digest")).toBe(sha256(bytes));
    const get = await a.call("GET", `/v2/team/app/blobs/${sha256(bytes)}`);
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("GET with Range returns 206 and the bytes; an unsatisfiable range is 416", async () => {
    const bytes = randomBytes(1000);
    await a.pushBlob("team/app", sha256(bytes), bytes);
    const res = await a.call("GET", `/v2/team/app/blobs/${sha256(bytes)}`, { headers: { Range: "bytes=10-19" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    expect((await a.call("GET", `/v2/team/app/blobs/${sha256(bytes)}`, { headers: { Range: "bytes=1000-" } })).status).toBe(416);
  });

  it("a wrong digest gives 400 DIGEST_INVALID and stores nothing", async () => {
    const bytes = randomBytes(512);
    const wrong = sha256(randomBytes(8));
    const res = await a.pushBlob("team/app", wrong, bytes);
    expect(res.status).toBe(400);
    expect((await a.json(res)).errors?.[0]?.code).toBe("DIGEST_INVALID");
    expect((await a.call("HEAD", `/v2/team/app/blobs/${wrong}`)).status).toBe(404);
    expect((await a.call("HEAD", `/v2/team/app/blobs/${sha256(bytes)}`)).status).toBe(404);
    expect(await deps.db.blob.findUnique({ where: { digest: sha256(bytes) } })).toBeNull();
    const uploads = path.join(deps.config.dataDir, "registry", "uploads");
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it("chunked PATCH uploads in order, reports the offset, resumes, and completes with PUT", async () => {
    const bytes = randomBytes(300_000);
    const start = await a.call("POST", "/v2/team/app/blobs/uploads/");
    expect(start.status).toBe(202);
    let location = start.headers.get("location")!;
    expect(start.headers.get("range")).toBe("0-0");
    const first = await a.call("PATCH", location, { body: bytes.subarray(0, 100_000), headers: { "Content-Range": "0-99999", "Content-Type": "application/octet-stream" } });
    expect(first.status).toBe(202);
    expect(first.headers.get("range")).toBe("0-99999");
    location = first.headers.get("location")!;

    // Out of order: 416 with the range received so far.
    const skipped = await a.call("PATCH", location, { body: bytes.subarray(200_000), headers: { "Content-Range": "200000-299999" } });
    expect(skipped.status).toBe(416);
    expect(skipped.headers.get("range")).toBe("0-99999");

    // A client that lost track asks where the upload is, then resumes there.
    const status = await a.call("GET", location);
    expect(status.status).toBe(204);
    expect(status.headers.get("range")).toBe("0-99999");
    await a.call("PATCH", location, { body: bytes.subarray(100_000, 200_000), headers: { "Content-Range": "100000-199999" } });
    const done = await a.call("PUT", `${location}?digest=${sha256(bytes)}`, { body: bytes.subarray(200_000) });
    expect(done.status).toBe(201);
    expect(done.headers.get("docker-content-digest")).toBe(sha256(bytes));
    const get = await a.call("GET", `/v2/team/app/blobs/${sha256(bytes)}`);
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await a.call("GET", location)).status).toBe(404);
  });

  it("accepts sha512 digests", async () => {
    const bytes = randomBytes(2048);
    const res = await a.pushBlob("team/app", sha512(bytes), bytes);
    expect(res.status).toBe(201);
    expect((await a.call("HEAD", `/v2/team/app/blobs/${sha512(bytes)}`)).status).toBe(200);
  });

  it("DELETE of an upload cancels it (204, then BLOB_UPLOAD_UNKNOWN)", async () => {
    const start = await a.call("POST", "/v2/team/app/blobs/uploads/");
    const location = start.headers.get("location")!;
    expect((await a.call("DELETE", location)).status).toBe(204);
    const again = await a.call("GET", location);
    expect(again.status).toBe(404);
    expect((await a.json(again)).errors?.[0]?.code).toBe("BLOB_UPLOAD_UNKNOWN");
  });

  it("mounts a blob from another repository of the same account, never across accounts", async () => {
    const bytes = randomBytes(777);
    await a.pushBlob("team/app", sha256(bytes), bytes);
    const mounted = await a.call("POST", `/v2/team/other/blobs/uploads/?mount=${sha256(bytes)}&from=team/app`);
    expect(mounted.status).toBe(201);
    expect((await a.call("HEAD", `/v2/team/other/blobs/${sha256(bytes)}`)).status).toBe(200);
    // Bob's repository has the same name, but mounting from it must not reveal Alice's blob.
    const cross = await b.call("POST", `/v2/team/app/blobs/uploads/?mount=${sha256(bytes)}&from=team/app`);
    expect(cross.status).toBe(202);
    expect((await b.call("HEAD", `/v2/team/app/blobs/${sha256(bytes)}`)).status).toBe(404);
  });

  it("two concurrent pushes of the same blob both succeed and store it once", async () => {
    const bytes = randomBytes(100_000);
    const [r1, r2] = await Promise.all([a.pushBlob("team/app", sha256(bytes), bytes), a.pushBlob("team/other", sha256(bytes), bytes)]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(await deps.db.blob.count({ where: { digest: sha256(bytes) } })).toBe(1);
    expect(await deps.db.repositoryBlob.count({ where: { digest: sha256(bytes) } })).toBe(2);
  });
});

describe("manifests and tags", () => {
  it("PUT then GET by tag and by digest, with Content-Type and Docker-Content-Digest", async () => {
    const image = await pushImage(a, "team/app", "1.0");
    const byTag = await a.call("GET", "/v2/team/app/manifests/1.0", { headers: { Accept: image.mediaType } });
    expect(byTag.status).toBe(200);
    expect(byTag.headers.get("content-type")).toBe(image.mediaType);
    expect(byTag.headers.get("docker-content-digest")).toBe(image.manifest.digest);
    expect(Buffer.from(await byTag.arrayBuffer()).equals(image.manifest.bytes)).toBe(true);
    const byDigest = await a.call("HEAD", `/v2/team/app/manifests/${image.manifest.digest}`);
    expect(byDigest.status).toBe(200);
    expect(byDigest.headers.get("content-length")).toBe(String(image.manifest.size));
  });

  it("refuses a manifest whose layer was never uploaded (MANIFEST_BLOB_UNKNOWN, 400)", async () => {
    const image = await buildImage({ layers: 1 });
    await a.pushBlob("team/app", image.config.digest, image.config.bytes);
    const res = await a.putManifest("team/app", "broken", image.manifest.bytes, image.mediaType);
    expect(res.status).toBe(400);
    const body = await a.json(res);
    expect(body.errors?.[0]?.code).toBe("MANIFEST_BLOB_UNKNOWN");
    expect(body.errors?.[0]?.message).toContain(image.layers[0]!.digest);
    expect((await a.call("GET", "/v2/team/app/manifests/broken")).status).toBe(404);
  });

  it.each([
    ["invalid JSON", "{not json", "application/vnd.oci.image.manifest.v1+json"],
    ["a wrong media type", JSON.stringify({ schemaVersion: 2, mediaType: "text/plain" }), "text/plain"],
    ["missing layers", JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "x", digest: sha256(Buffer.from("x")), size: 1 } }), "application/vnd.oci.image.manifest.v1+json"],
  ])("refuses %s with MANIFEST_INVALID, never a 500", async (_label, body, type) => {
    const res = await a.putManifest("team/app", "bad", Buffer.from(body), type);
    expect(res.status).toBe(400);
    expect((await a.json(res)).errors?.[0]?.code).toBe("MANIFEST_INVALID");
  });

  it("refuses a manifest over 4 MiB with MANIFEST_INVALID", async () => {
    const res = await a.putManifest("team/app", "huge", Buffer.alloc(4 * 1024 * 1024 + 1, 0x20), "application/vnd.oci.image.manifest.v1+json");
    expect(res.status).toBe(400);
    expect((await a.json(res)).errors?.[0]?.code).toBe("MANIFEST_INVALID");
  });

  it("a PUT by digest must match the content (DIGEST_INVALID)", async () => {
    const image = await pushImage(a, "team/app", "digest-check");
    const res = await a.putManifest("team/app", sha256(Buffer.from("other")), image.manifest.bytes, image.mediaType);
    expect(res.status).toBe(400);
    expect((await a.json(res)).errors?.[0]?.code).toBe("DIGEST_INVALID");
  });

  it("an index needs its platform manifests first, then is served as an index", async () => {
    const amd = await buildImage();
    const arm = await buildImage({ platform: { os: "linux", architecture: "arm64" } });
    const index = indexOf([
      { image: amd, platform: { os: "linux", architecture: "amd64" } },
      { image: arm, platform: { os: "linux", architecture: "arm64" } },
    ]);
    const early = await a.putManifest("team/app", "multi", index.bytes, "application/vnd.oci.image.index.v1+json");
    expect((await a.json(early)).errors?.[0]?.code).toBe("MANIFEST_BLOB_UNKNOWN");
    for (const image of [amd, arm]) {
      for (const blob of [image.config, ...image.layers]) await a.pushBlob("team/app", blob.digest, blob.bytes);
      expect((await a.putManifest("team/app", image.manifest.digest, image.manifest.bytes, image.mediaType)).status).toBe(201);
    }
    expect((await a.putManifest("team/app", "multi", index.bytes, "application/vnd.oci.image.index.v1+json")).status).toBe(201);
    const got = await a.call("GET", "/v2/team/app/manifests/multi");
    expect(got.headers.get("content-type")).toBe("application/vnd.oci.image.index.v1+json");
  });

  it("lists tags sorted, paginated with n, last and a Link header", async () => {
    for (const tag of ["b", "a", "c"]) await pushImage(a, "team/other", tag);
    const all = await a.json(await a.call("GET", "/v2/team/other/tags/list"));
    expect(all).toEqual({ name: "team/other", tags: ["a", "b", "c"] });
    const page = await a.call("GET", "/v2/team/other/tags/list?n=2");
    expect(await a.json(page)).toEqual({ name: "team/other", tags: ["a", "b"] });
    expect(page.headers.get("link")).toBe('</v2/team/other/tags/list?n=2&last=b>; rel="next"');
    const next = await a.call("GET", "/v2/team/other/tags/list?n=2&last=b");
    expect(await a.json(next)).toEqual({ name: "team/other", tags: ["c"] });
    expect(next.headers.get("link")).toBeNull();
  });

  it("DELETE by tag removes the tag only; DELETE by digest removes the image and its tags", async () => {
    const image = await pushImage(a, "team/other", "keep");
    await a.putManifest("team/other", "also", image.manifest.bytes, image.mediaType);
    expect((await a.call("DELETE", "/v2/team/other/manifests/also")).status).toBe(202);
    expect((await a.call("GET", "/v2/team/other/manifests/keep")).status).toBe(200);
    expect((await a.call("DELETE", `/v2/team/other/manifests/${image.manifest.digest}`)).status).toBe(202);
    expect((await a.call("GET", "/v2/team/other/manifests/keep")).status).toBe(404);
    expect((await a.call("GET", `/v2/team/other/manifests/${image.manifest.digest}`)).status).toBe(404);
  });

  it("serves referrers of a digest, with the artifactType filter and OCI-Subject on push", async () => {
    const image = await pushImage(a, "team/app", "signed");
    const config = Buffer.from("{}");
    await a.pushBlob("team/app", sha256(config), config);
    const sig = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        artifactType: "application/vnd.example.signature",
        config: { mediaType: "application/vnd.oci.empty.v1+json", digest: sha256(config), size: 2 },
        layers: [],
        subject: { mediaType: image.mediaType, digest: image.manifest.digest, size: image.manifest.size },
        annotations: { "org.example.note": "hello" },
      }),
    );
    const put = await a.putManifest("team/app", sha256(sig), sig, "application/vnd.oci.image.manifest.v1+json");
    expect(put.status).toBe(201);
    expect(put.headers.get("oci-subject")).toBe(image.manifest.digest);
    const list = await a.json(await a.call("GET", `/v2/team/app/referrers/${image.manifest.digest}`));
    expect(list.manifests).toEqual([{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: sha256(sig), size: sig.length, artifactType: "application/vnd.example.signature", annotations: { "org.example.note": "hello" } }]);
    const filtered = await a.call("GET", `/v2/team/app/referrers/${image.manifest.digest}?artifactType=application/vnd.other`);
    expect(filtered.headers.get("oci-filters-applied")).toBe("artifactType");
    expect((await a.json(filtered)).manifests).toEqual([]);
  });
});

describe("names and isolation", () => {
  it("rejects malformed names with NAME_INVALID and unknown repositories with NAME_UNKNOWN and a hint", async () => {
    const bad = await a.call("GET", "/v2/Team/App/tags/list");
    expect(bad.status).toBe(400);
    expect((await a.json(bad)).errors?.[0]?.code).toBe("NAME_INVALID");
    const unknown = await a.call("POST", "/v2/team/missing/blobs/uploads/");
    expect(unknown.status).toBe(404);
    const body = await a.json(unknown);
    expect(body.errors?.[0]?.code).toBe("NAME_UNKNOWN");
    expect(body.errors?.[0]?.message).toContain("Create it first");
  });

  it("learner B can never see, pull, push to, mount from or delete learner A's content", async () => {
    const image = await pushImage(a, "team/app", "private");
    // Same repository name in B's own account: none of A's content is visible there.
    expect((await b.call("GET", "/v2/team/app/manifests/private")).status).toBe(404);
    expect((await b.call("GET", `/v2/team/app/manifests/${image.manifest.digest}`)).status).toBe(404);
    expect((await b.call("GET", `/v2/team/app/blobs/${image.layers[0]!.digest}`)).status).toBe(404);
    expect((await b.call("DELETE", `/v2/team/app/manifests/${image.manifest.digest}`)).status).toBe(404);
    expect(await b.json(await b.call("GET", "/v2/team/app/tags/list"))).toEqual({ name: "team/app", tags: [] });
    expect((await b.json(await b.call("GET", `/v2/team/app/referrers/${image.manifest.digest}`))).manifests).toEqual([]);
    // A's other repository does not exist for B at all.
    expect((await b.call("GET", "/v2/team/other/tags/list")).status).toBe(404);
    expect((await b.call("POST", "/v2/team/other/blobs/uploads/")).status).toBe(404);
    // A's upload session cannot be continued or cancelled by B.
    const upload = (await a.call("POST", "/v2/team/app/blobs/uploads/")).headers.get("location")!;
    expect((await b.call("PATCH", upload, { body: Buffer.from("x") })).status).toBe(404);
    expect((await b.call("DELETE", upload)).status).toBe(404);
    // And A still has everything.
    expect((await a.call("GET", "/v2/team/app/manifests/private")).status).toBe(200);
  });

  it("a manifest GET records the pull time; HEAD and a refused Accept do not", async () => {
    const image = await pushImage(a, "team/app", "pulled");
    const row = () => deps.db.manifest.findFirstOrThrow({ where: { digest: image.manifest.digest } });
    await a.call("HEAD", "/v2/team/app/manifests/pulled");
    expect((await a.call("GET", "/v2/team/app/manifests/pulled", { headers: { Accept: "application/vnd.docker.distribution.manifest.v2+json" } })).status).toBe(404);
    expect((await row()).lastPulledAt).toBeNull();
    await a.call("GET", "/v2/team/app/manifests/pulled");
    expect((await row()).lastPulledAt).toEqual(clock.now());
  });

  it("a malformed percent-encoded path is a 400, not a 500", async () => {
    expect((await a.call("GET", "/v2/team/app%E0%A4%A/tags/list")).status).toBe(400);
  });

  it("unknown endpoints are 404 and wrong methods 405, both as OCI errors", async () => {
    expect((await a.call("GET", "/v2/team/app/unknown/thing")).status).toBe(404);
    const res = await a.call("POST", "/v2/team/app/tags/list");
    expect(res.status).toBe(405);
    expect((await a.json(res)).errors?.[0]?.code).toBe("UNSUPPORTED");
  });
});

describe("quotas", () => {
  it("refuses an upload over the per-upload limit with DENIED and a clear message", async () => {
    const big = randomBytes(deps.config.registry.maxUploadBytes + 1);
    const res = await a.pushBlob("team/app", sha256(big), big);
    expect(res.status).toBe(403);
    const body = await a.json(res);
    expect(body.errors?.[0]?.code).toBe("DENIED");
    expect(body.errors?.[0]?.message).toContain("Upload size limit");
  });
});
