// ECR operations through the JSON API face: repositories, images, layers, resource tags, with
// images pushed over the real /v2/ face. Each error is asserted with ECR's exception name.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { createAccessKey } from "@/lib/auth/access-keys";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { makeTestDeps } from "../helpers/test-deps";
import { ecrClient, errorOf } from "../helpers/ecr-client";
import { ociClient } from "../helpers/oci-client";
import { buildImage, indexOf, type BuiltImage } from "../helpers/oci-layout";

const env = makeTestDeps("2026-03-01T10:00:00Z", { maxRepositories: 50 });
const { deps, clock } = env;
afterAll(() => env.cleanup());

let api: ReturnType<typeof ecrClient>;
let other: ReturnType<typeof ecrClient>;
let oci: ReturnType<typeof ociClient>;
let accountId: string;
let otherAccountId: string;

beforeAll(async () => {
  const alice = await createUser(deps, { email: "alice@example.com", password: "alice long password" });
  const bob = await createUser(deps, { email: "bob@example.com", password: "bob long password" });
  accountId = alice.accountId;
  otherAccountId = bob.accountId;
  api = ecrClient(deps, await createAccessKey(deps, alice.accountId));
  other = ecrClient(deps, await createAccessKey(deps, bob.accountId));
  oci = ociClient(deps, (await issueRegistryToken(deps, alice.id)).password);
});

async function pushImage(name: string, tag: string, label = tag): Promise<BuiltImage> {
  const image = await buildImage({ layers: 1, label });
  for (const blob of [image.config, ...image.layers]) expect((await oci.pushBlob(name, blob.digest, blob.bytes)).status).toBe(201);
  expect((await oci.putManifest(name, tag, image.manifest.bytes, image.mediaType)).status).toBe(201);
  return image;
}

describe("CreateRepository / DescribeRepositories / DeleteRepository", () => {
  it("creates with ECR's defaults and describes the repository", async () => {
    const created = await api.call("CreateRepository", { repositoryName: "team-a/web" });
    expect(created.status).toBe(200);
    expect(created.body.repository).toEqual({
      repositoryArn: `arn:aws:ecr:us-east-1:${accountId}:repository/team-a/web`,
      registryId: accountId,
      repositoryName: "team-a/web",
      repositoryUri: `${accountId}.dkr.ecr.us-east-1.amazonaws.com/team-a/web`,
      createdAt: clock.now().getTime() / 1000,
      imageTagMutability: "MUTABLE",
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: "AES256" },
    });
    const described = await api.call("DescribeRepositories", { repositoryNames: ["team-a/web"] });
    expect(described.body.repositories).toEqual([created.body.repository]);
  });

  it("keeps every setting given at creation, with KMS shown as a key ARN", async () => {
    const reply = await api.call("CreateRepository", {
      repositoryName: "team-a/api",
      imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
      imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "latest" }],
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: "KMS" },
      tags: [{ Key: "team", Value: "a" }],
    });
    const repo = reply.body.repository as Record<string, unknown>;
    expect(repo.imageTagMutability).toBe("IMMUTABLE_WITH_EXCLUSION");
    expect(repo.imageTagMutabilityExclusionFilters).toEqual([{ filterType: "WILDCARD", filter: "latest" }]);
    expect(repo.imageScanningConfiguration).toEqual({ scanOnPush: true });
    expect(repo.encryptionConfiguration).toMatchObject({ encryptionType: "KMS", kmsKey: expect.stringMatching(/^arn:aws:kms:us-east-1:\d{12}:key\/[0-9a-f-]{36}$/) });
    const tags = await api.call("ListTagsForResource", { resourceArn: repo.repositoryArn });
    expect(tags.body).toEqual({ tags: [{ Key: "team", Value: "a" }] });
  });

  it("rejects duplicates, bad names, bad filters and bad tags with ECR's exceptions, creating nothing", async () => {
    expect(errorOf(await api.call("CreateRepository", { repositoryName: "team-a/web" }), "RepositoryAlreadyExistsException")).toBe(`The repository with name 'team-a/web' already exists in the registry with id '${accountId}'`);
    expect(errorOf(await api.call("CreateRepository", { repositoryName: "Team-A" }), "InvalidParameterException")).toMatch(/^Invalid parameter at 'repositoryName'/);
    expect(errorOf(await api.call("CreateRepository", { repositoryName: "x" }), "InvalidParameterException")).toMatch(/length greater than or equal to 2/);
    expect(errorOf(await api.call("CreateRepository", { repositoryName: "f1", imageTagMutability: "MUTABLE_WITH_EXCLUSION" }), "InvalidParameterException")).toMatch(/can't be null when imageTagMutability is set as MUTABLE_WITH_EXCLUSION/);
    errorOf(await api.call("CreateRepository", { repositoryName: "f2", imageTagMutability: "IMMUTABLE", imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "x" }] }), "InvalidParameterException");
    expect(errorOf(await api.call("CreateRepository", { repositoryName: "f4", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [] }), "InvalidParameterException")).toBe(
      "Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'Member must have length greater than or equal to 1'",
    );
    errorOf(await api.call("CreateRepository", { repositoryName: "f3", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "bad filter!" }] }), "InvalidParameterException");
    errorOf(await api.call("CreateRepository", { repositoryName: "t1", tags: [{ Key: "", Value: "v" }] }), "InvalidTagParameterException");
    errorOf(await api.call("CreateRepository", { repositoryName: "t2", tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) }), "TooManyTagsException");
    errorOf(await api.call("CreateRepository", { repositoryName: "k1", encryptionConfiguration: { encryptionType: "AES256", kmsKey: "alias/x" } }), "InvalidParameterException");
    errorOf(await api.call("CreateRepository", { repositoryName: "k2", encryptionConfiguration: { encryptionType: "KMS", kmsKey: "arn:aws:kms:eu-west-1:123456789012:key/abc" } }), "KmsException");
    const names = ((await api.call("DescribeRepositories")).body.repositories as { repositoryName: string }[]).map((r) => r.repositoryName);
    expect(names.filter((n) => /^(f|t|k)\d$/.test(n))).toEqual([]);
  });

  it("pages through repositories with maxResults and nextToken", async () => {
    const first = await api.call("DescribeRepositories", { maxResults: 1 });
    expect((first.body.repositories as unknown[]).length).toBe(1);
    expect(typeof first.body.nextToken).toBe("string");
    const second = await api.call("DescribeRepositories", { maxResults: 1, nextToken: first.body.nextToken });
    expect(second.body.repositories).not.toEqual(first.body.repositories);
    errorOf(await api.call("DescribeRepositories", { nextToken: "garbage" }), "InvalidParameterException");
    errorOf(await api.call("DescribeRepositories", { maxResults: 0 }), "InvalidParameterException");
    errorOf(await api.call("DescribeRepositories", { repositoryNames: ["team-a/web"], nextToken: first.body.nextToken }), "InvalidParameterException");
  });

  it("names the missing repository with RepositoryNotFoundException", async () => {
    expect(errorOf(await api.call("DescribeRepositories", { repositoryNames: ["nope"] }), "RepositoryNotFoundException")).toBe(`The repository with name 'nope' does not exist in the registry with id '${accountId}'`);
  });

  it("deletes an empty repository, and a non-empty one only with force", async () => {
    await api.call("CreateRepository", { repositoryName: "to-delete" });
    await pushImage("to-delete", "v1");
    expect(errorOf(await api.call("DeleteRepository", { repositoryName: "to-delete" }), "RepositoryNotEmptyException")).toMatch(/cannot be deleted because it still contains images/);
    const deleted = await api.call("DeleteRepository", { repositoryName: "to-delete", force: true });
    expect((deleted.body.repository as { repositoryName: string }).repositoryName).toBe("to-delete");
    errorOf(await api.call("DescribeRepositories", { repositoryNames: ["to-delete"] }), "RepositoryNotFoundException");
  });
});

describe("isolation between learners", () => {
  it("never lets one account see or touch another's repositories, by name, registryId or ARN", async () => {
    const arn = `arn:aws:ecr:us-east-1:${accountId}:repository/team-a/web`;
    expect((await other.call("DescribeRepositories")).body.repositories).toEqual([]);
    errorOf(await other.call("DescribeRepositories", { repositoryNames: ["team-a/web"] }), "RepositoryNotFoundException");
    errorOf(await other.call("DescribeRepositories", { registryId: accountId, repositoryNames: ["team-a/web"] }), "RepositoryNotFoundException");
    for (const [op, input] of [
      ["ListImages", { registryId: accountId, repositoryName: "team-a/web" }],
      ["DescribeImages", { registryId: accountId, repositoryName: "team-a/web" }],
      ["BatchGetImage", { registryId: accountId, repositoryName: "team-a/web", imageIds: [{ imageTag: "v1" }] }],
      ["BatchDeleteImage", { registryId: accountId, repositoryName: "team-a/web", imageIds: [{ imageTag: "v1" }] }],
      ["DeleteRepository", { registryId: accountId, repositoryName: "team-a/web", force: true }],
      ["PutLifecyclePolicy", { registryId: accountId, repositoryName: "team-a/web", lifecyclePolicyText: "x".repeat(100) }],
      ["GetRepositoryPolicy", { registryId: accountId, repositoryName: "team-a/web" }],
      ["InitiateLayerUpload", { registryId: accountId, repositoryName: "team-a/web" }],
      ["PutImageTagMutability", { registryId: accountId, repositoryName: "team-a/web", imageTagMutability: "IMMUTABLE" }],
    ] as const) {
      errorOf(await other.call(op, input), "RepositoryNotFoundException");
    }
    errorOf(await other.call("ListTagsForResource", { resourceArn: arn }), "RepositoryNotFoundException");
    errorOf(await other.call("TagResource", { resourceArn: arn, tags: [{ Key: "x", Value: "y" }] }), "RepositoryNotFoundException");
    expect((await other.call("CreateRepository", { repositoryName: "team-a/web" })).status).toBe(200); // names are per account
    expect((await api.call("DescribeRepositories", { repositoryNames: ["team-a/web"] })).status).toBe(200);
    expect(otherAccountId).not.toBe(accountId);
  });
});

describe("images: PutImage, ListImages, DescribeImages, BatchGetImage, BatchDeleteImage", () => {
  beforeAll(async () => {
    await api.call("CreateRepository", { repositoryName: "imgs" });
    await api.call("CreateRepository", { repositoryName: "locked", imageTagMutability: "IMMUTABLE" });
  });

  it("lists one entry per tag and describes images with their sizes and times", async () => {
    const image = await pushImage("imgs", "v1");
    expect((await api.call("PutImage", { repositoryName: "imgs", imageManifest: image.manifest.bytes.toString("utf8"), imageTag: "stable" })).status).toBe(200);
    const listed = await api.call("ListImages", { repositoryName: "imgs" });
    expect(listed.body.imageIds).toEqual([
      { imageDigest: image.manifest.digest, imageTag: "stable" },
      { imageDigest: image.manifest.digest, imageTag: "v1" },
    ]);
    const described = await api.call("DescribeImages", { repositoryName: "imgs", imageIds: [{ imageTag: "v1" }] });
    expect(described.body.imageDetails).toEqual([
      {
        registryId: accountId,
        repositoryName: "imgs",
        imageDigest: image.manifest.digest,
        imageTags: ["stable", "v1"],
        imageSizeInBytes: image.config.size + image.layers.reduce((s, l) => s + l.size, 0),
        imagePushedAt: clock.now().getTime() / 1000,
        imageManifestMediaType: image.mediaType,
        imageStatus: "ACTIVE",
      },
    ]);
    expect(errorOf(await api.call("DescribeImages", { repositoryName: "imgs", imageIds: [{ imageTag: "nope" }] }), "ImageNotFoundException")).toBe(
      `The image with imageId {imageDigest:'null', imageTag:'nope'} does not exist within the repository with name 'imgs' in the registry with id '${accountId}'`,
    );
  });

  it("applies PutImage's conflict rules with ECR's exception names", async () => {
    const image = await pushImage("locked", "1.0");
    const manifest = image.manifest.bytes.toString("utf8");
    expect(errorOf(await api.call("PutImage", { repositoryName: "locked", imageManifest: manifest, imageTag: "1.0" }), "ImageAlreadyExistsException")).toMatch(/already exists in the repository with name 'locked'/);
    const newer = await buildImage({ layers: 1, label: "newer" });
    for (const blob of [newer.config, ...newer.layers]) await oci.pushBlob("locked", blob.digest, blob.bytes);
    expect(errorOf(await api.call("PutImage", { repositoryName: "locked", imageManifest: newer.manifest.bytes.toString("utf8"), imageTag: "1.0" }), "ImageTagAlreadyExistsException")).toMatch(/'1.0' already exists in the 'locked' repository/);
    expect((await api.call("PutImage", { repositoryName: "locked", imageManifest: newer.manifest.bytes.toString("utf8"), imageTag: "1.1" })).status).toBe(200);
    errorOf(await api.call("PutImage", { repositoryName: "locked", imageManifest: manifest, imageTag: "x", imageDigest: `sha256:${"0".repeat(64)}` }), "ImageDigestDoesNotMatchException");
    const missing = await buildImage({ layers: 1, label: "never-uploaded" });
    errorOf(await api.call("PutImage", { repositoryName: "locked", imageManifest: missing.manifest.bytes.toString("utf8"), imageTag: "m" }), "LayersNotFoundException");
    errorOf(await api.call("PutImage", { repositoryName: "locked", imageManifest: JSON.stringify({ schemaVersion: 2 }), imageTag: "m" }), "InvalidParameterException");
  });

  it("the /v2/ face refuses to move an immutable tag with ECR's text", async () => {
    const newer = await buildImage({ layers: 1, label: "oci-overwrite" });
    for (const blob of [newer.config, ...newer.layers]) await oci.pushBlob("locked", blob.digest, blob.bytes);
    const put = await oci.putManifest("locked", "1.0", newer.manifest.bytes, newer.mediaType);
    expect(put.status).toBe(400);
    expect(await put.json()).toMatchObject({ errors: [{ code: "TAG_INVALID", message: "The image tag '1.0' already exists in the 'locked' repository and cannot be overwritten because the repository is immutable." }] });
  });

  it("PutImageTagMutability with exclusions lets matching tags move again", async () => {
    const reply = await api.call("PutImageTagMutability", { repositoryName: "locked", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "dev-*" }] });
    expect(reply.body).toEqual({ registryId: accountId, repositoryName: "locked", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "dev-*" }] });
    await pushImage("locked", "dev-1", "a");
    await pushImage("locked", "dev-1", "b");
    const held = await buildImage({ layers: 1, label: "c" });
    for (const blob of [held.config, ...held.layers]) await oci.pushBlob("locked", blob.digest, blob.bytes);
    expect((await oci.putManifest("locked", "1.0", held.manifest.bytes, held.mediaType)).status).toBe(400);
  });

  it("BatchGetImage returns manifests and lists missing images as failures", async () => {
    const reply = await api.call("BatchGetImage", { repositoryName: "imgs", imageIds: [{ imageTag: "v1" }, { imageTag: "gone" }, { imageDigest: "not-a-digest" }] });
    expect((reply.body.images as { imageId: { imageTag: string } }[]).map((i) => i.imageId.imageTag)).toEqual(["v1"]);
    expect((reply.body.failures as { failureCode: string }[]).map((f) => f.failureCode)).toEqual(["ImageNotFound", "InvalidImageDigest"]);
    const described = await api.call("DescribeImages", { repositoryName: "imgs", imageIds: [{ imageTag: "v1" }] });
    expect((described.body.imageDetails as { lastRecordedPullTime?: number }[])[0]?.lastRecordedPullTime).toBe(clock.now().getTime() / 1000);
  });

  it("BatchDeleteImage removes tags, deletes an image with its last tag, and protects index children", async () => {
    await api.call("CreateRepository", { repositoryName: "del" });
    const image = await pushImage("del", "a");
    await api.call("PutImage", { repositoryName: "del", imageManifest: image.manifest.bytes.toString("utf8"), imageTag: "b" });
    const untag = await api.call("BatchDeleteImage", { repositoryName: "del", imageIds: [{ imageTag: "a" }] });
    expect(untag.body).toEqual({ imageIds: [{ imageDigest: image.manifest.digest, imageTag: "a" }], failures: [] });
    const last = await api.call("BatchDeleteImage", { repositoryName: "del", imageIds: [{ imageTag: "b" }, { imageDigest: "sha256:zz" }, {}] });
    expect(last.body.imageIds).toEqual([{ imageDigest: image.manifest.digest, imageTag: "b" }]);
    expect((last.body.failures as { failureCode: string }[]).map((f) => f.failureCode)).toEqual(["InvalidImageDigest", "MissingDigestAndTag"]);
    expect((await api.call("ListImages", { repositoryName: "del" })).body.imageIds).toEqual([]);

    const amd = await pushImage("del", "amd");
    const arm = await pushImage("del", "arm", "arm");
    const index = indexOf([{ image: amd, platform: { os: "linux", architecture: "amd64" } }, { image: arm, platform: { os: "linux", architecture: "arm64" } }]);
    expect((await oci.putManifest("del", "multi", index.bytes, "application/vnd.oci.image.index.v1+json")).status).toBe(201);
    const blocked = await api.call("BatchDeleteImage", { repositoryName: "del", imageIds: [{ imageDigest: amd.manifest.digest }] });
    expect(blocked.body.failures).toMatchObject([{ failureCode: "ImageReferencedByManifestList" }]);
    expect((await api.call("BatchDeleteImage", { repositoryName: "del", imageIds: [{ imageTag: "multi" }] })).body.imageIds).toHaveLength(1);
    expect((await api.call("BatchDeleteImage", { repositoryName: "del", imageIds: [{ imageDigest: amd.manifest.digest }] })).body.failures).toEqual([]);
  });

  it("filters by tag status", async () => {
    await api.call("CreateRepository", { repositoryName: "filt" });
    const one = await pushImage("filt", "keep");
    await pushImage("filt", "keep", "moved"); // the tag moves: the first image becomes untagged
    const untagged = await api.call("ListImages", { repositoryName: "filt", filter: { tagStatus: "UNTAGGED" } });
    expect(untagged.body.imageIds).toEqual([{ imageDigest: one.manifest.digest }]);
    const tagged = await api.call("DescribeImages", { repositoryName: "filt", filter: { tagStatus: "TAGGED" } });
    expect((tagged.body.imageDetails as { imageTags: string[] }[]).map((d) => d.imageTags)).toEqual([["keep"]]);
  });
});

describe("layer uploads through the API", () => {
  it("initiates, uploads parts in order, completes, and reports availability", async () => {
    await api.call("CreateRepository", { repositoryName: "layers" });
    const bytes = Buffer.from("layer bytes ".repeat(1000));
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    const before = await api.call("BatchCheckLayerAvailability", { repositoryName: "layers", layerDigests: [digest, "junk"] });
    expect(before.body).toEqual({ layers: [{ layerDigest: digest, layerAvailability: "UNAVAILABLE" }], failures: [{ layerDigest: "junk", failureCode: "InvalidLayerDigest", failureReason: "Invalid layer digest: 'junk'" }] });

    const init = await api.call("InitiateLayerUpload", { repositoryName: "layers" });
    const uploadId = init.body.uploadId as string;
    expect(init.body.partSize).toBe(10 * 1024 * 1024);
    errorOf(await api.call("CompleteLayerUpload", { repositoryName: "layers", uploadId, layerDigests: [digest] }), "EmptyUploadException");
    const half = 5000;
    const part1 = await api.call("UploadLayerPart", { repositoryName: "layers", uploadId, partFirstByte: 0, partLastByte: half - 1, layerPartBlob: bytes.subarray(0, half).toString("base64") });
    expect(part1.body).toEqual({ registryId: accountId, repositoryName: "layers", uploadId, lastByteReceived: half - 1 });
    const gap = await api.call("UploadLayerPart", { repositoryName: "layers", uploadId, partFirstByte: half + 10, partLastByte: bytes.length - 1, layerPartBlob: bytes.subarray(half + 10).toString("base64") });
    errorOf(gap, "InvalidLayerPartException");
    expect(gap.body.lastValidByteReceived).toBe(half - 1);
    await api.call("UploadLayerPart", { repositoryName: "layers", uploadId, partFirstByte: half, partLastByte: bytes.length - 1, layerPartBlob: bytes.subarray(half).toString("base64") });
    const done = await api.call("CompleteLayerUpload", { repositoryName: "layers", uploadId, layerDigests: [digest] });
    expect(done.body).toEqual({ registryId: accountId, repositoryName: "layers", uploadId, layerDigest: digest });
    const after = await api.call("BatchCheckLayerAvailability", { repositoryName: "layers", layerDigests: [digest] });
    expect(after.body.layers).toEqual([{ layerDigest: digest, layerAvailability: "AVAILABLE", layerSize: bytes.length }]);
    errorOf(await api.call("UploadLayerPart", { repositoryName: "layers", uploadId, partFirstByte: 0, partLastByte: 0, layerPartBlob: "AA==" }), "UploadNotFoundException");
    errorOf(await api.call("GetDownloadUrlForLayer", { repositoryName: "layers", layerDigest: digest }), "LayerInaccessibleException");
  });

  it("refuses a completed upload whose bytes do not match the digest", async () => {
    const init = await api.call("InitiateLayerUpload", { repositoryName: "layers" });
    const uploadId = init.body.uploadId as string;
    await api.call("UploadLayerPart", { repositoryName: "layers", uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: Buffer.from("abc").toString("base64") });
    errorOf(await api.call("CompleteLayerUpload", { repositoryName: "layers", uploadId, layerDigests: [`sha256:${"1".repeat(64)}`] }), "InvalidLayerException");
  });

  it("hands out a download URL for a layer an image uses", async () => {
    const image = await pushImage("imgs", "dl");
    const layer = image.layers[0]!.digest;
    const reply = await api.call("GetDownloadUrlForLayer", { repositoryName: "imgs", layerDigest: layer });
    expect(reply.body).toEqual({ downloadUrl: `http://127.0.0.1:3000/v2/imgs/blobs/${layer}`, layerDigest: layer });
    errorOf(await api.call("GetDownloadUrlForLayer", { repositoryName: "imgs", layerDigest: `sha256:${"2".repeat(64)}` }), "LayersNotFoundException");
  });
});

describe("resource tags", () => {
  it("merges, lists sorted, removes, and limits tags", async () => {
    const arn = `arn:aws:ecr:us-east-1:${accountId}:repository/imgs`;
    expect((await api.call("TagResource", { resourceArn: arn, tags: [{ Key: "b", Value: "2" }, { Key: "a", Value: "1" }] })).body).toEqual({});
    await api.call("TagResource", { resourceArn: arn, tags: [{ Key: "a", Value: "one" }] });
    expect((await api.call("ListTagsForResource", { resourceArn: arn })).body.tags).toEqual([{ Key: "a", Value: "one" }, { Key: "b", Value: "2" }]);
    await api.call("UntagResource", { resourceArn: arn, tagKeys: ["a"] });
    expect((await api.call("ListTagsForResource", { resourceArn: arn })).body.tags).toEqual([{ Key: "b", Value: "2" }]);
    errorOf(await api.call("TagResource", { resourceArn: arn, tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) }), "TooManyTagsException");
    expect(errorOf(await api.call("ListTagsForResource", { resourceArn: "arn:nope" }), "InvalidParameterException")).toBe("Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Invalid ARN'");
  });
});

describe("GetAuthorizationToken", () => {
  it("returns a 12-hour token that logs in to /v2/", async () => {
    const reply = await api.call("GetAuthorizationToken");
    const [data] = reply.body.authorizationData as { authorizationToken: string; expiresAt: number; proxyEndpoint: string }[];
    expect(data!.expiresAt).toBe(clock.now().getTime() / 1000 + 12 * 3600);
    expect(data!.proxyEndpoint).toBe("http://127.0.0.1:3000");
    const [user, password] = Buffer.from(data!.authorizationToken, "base64").toString("utf8").split(":");
    expect(user).toBe("AWS");
    const tags = await ociClient(deps, password!).call("GET", "/v2/imgs/tags/list");
    expect(tags.status).toBe(200);
  });
});
