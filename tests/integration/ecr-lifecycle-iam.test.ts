// Lifecycle policy operations and enforcement on the simulated clock; repository policies and
// IAM users evaluated on the JSON API and on /v2/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { createAccessKey } from "@/lib/auth/access-keys";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { attachManagedPolicy, createIamUser, putUserPolicy } from "@/lib/ecr/iam-users";
import { isDomainError } from "@/lib/core/errors";
import { makeTestDeps } from "../helpers/test-deps";
import { ecrClient, errorOf } from "../helpers/ecr-client";
import { ociClient } from "../helpers/oci-client";
import { buildImage, type BuiltImage } from "../helpers/oci-layout";

const env = makeTestDeps("2026-03-01T10:00:00Z", { maxRepositories: 50 });
const { deps, clock } = env;
afterAll(() => env.cleanup());

let api: ReturnType<typeof ecrClient>;
let accountId: string;
let userId: string;

beforeAll(async () => {
  const user = await createUser(deps, { email: "lc@example.com", password: "lc long password" });
  accountId = user.accountId;
  userId = user.id;
  api = ecrClient(deps, await createAccessKey(deps, user.accountId));
});

/** Pushes as the learner with a fresh token (tokens expire as the account's clock moves), or as `client`. */
async function pushImage(name: string, tag: string, as?: ReturnType<typeof ociClient>): Promise<BuiltImage> {
  const client = as ?? ociClient(deps, (await issueRegistryToken(deps, userId)).password);
  const image = await buildImage({ layers: 1, label: `${name}:${tag}:${Math.random()}` });
  for (const blob of [image.config, ...image.layers]) expect((await client.pushBlob(name, blob.digest, blob.bytes)).status).toBe(201);
  expect((await client.putManifest(name, tag, image.manifest.bytes, image.mediaType)).status).toBe(201);
  return image;
}

const policy = (rules: object[]) => JSON.stringify({ rules }, null, 2);
const keepTwoProd = policy([{ rulePriority: 1, description: "keep two prod", selection: { tagStatus: "tagged", tagPatternList: ["prod*"], countType: "imageCountMoreThan", countNumber: 2 }, action: { type: "expire" } }]);

describe("Put/Get/DeleteLifecyclePolicy", () => {
  beforeAll(async () => {
    await api.call("CreateRepository", { repositoryName: "lc" });
  });

  it("stores the text verbatim and echoes it", async () => {
    const put = await api.call("PutLifecyclePolicy", { repositoryName: "lc", lifecyclePolicyText: keepTwoProd });
    expect(put.body).toEqual({ registryId: accountId, repositoryName: "lc", lifecyclePolicyText: keepTwoProd });
    const got = await api.call("GetLifecyclePolicy", { repositoryName: "lc" });
    expect(got.body.lifecyclePolicyText).toBe(keepTwoProd);
  });

  it("rejects invalid policies with the validation detail", async () => {
    const zero = policy([{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 0 }, action: { type: "expire" } }]);
    expect(errorOf(await api.call("PutLifecyclePolicy", { repositoryName: "lc", lifecyclePolicyText: zero }), "InvalidParameterException")).toMatch(/^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: /);
    errorOf(await api.call("PutLifecyclePolicy", { repositoryName: "lc", lifecyclePolicyText: "short" }), "InvalidParameterException");
    expect((await api.call("GetLifecyclePolicy", { repositoryName: "lc" })).body.lifecyclePolicyText).toBe(keepTwoProd);
  });

  it("deletes, then reports LifecyclePolicyNotFoundException", async () => {
    await api.call("CreateRepository", { repositoryName: "lc-del" });
    await api.call("PutLifecyclePolicy", { repositoryName: "lc-del", lifecyclePolicyText: keepTwoProd });
    expect((await api.call("DeleteLifecyclePolicy", { repositoryName: "lc-del" })).body.lifecyclePolicyText).toBe(keepTwoProd);
    expect(errorOf(await api.call("GetLifecyclePolicy", { repositoryName: "lc-del" }), "LifecyclePolicyNotFoundException")).toBe(`Lifecycle policy does not exist for the repository with name 'lc-del' in the registry with id '${accountId}'`);
    errorOf(await api.call("DeleteLifecyclePolicy", { repositoryName: "lc-del" }), "LifecyclePolicyNotFoundException");
    errorOf(await api.call("StartLifecyclePolicyPreview", { repositoryName: "lc-del" }), "LifecyclePolicyNotFoundException");
    expect(errorOf(await api.call("GetLifecyclePolicyPreview", { repositoryName: "lc-del" }), "LifecyclePolicyPreviewNotFoundException")).toBe("There is no dry run for this repository.");
  });
});

describe("preview and enforcement on the account's clock", () => {
  it("previews which images a policy would expire and by which rule, then expires them when the clock moves", async () => {
    await api.call("CreateRepository", { repositoryName: "aging" });
    const old = await pushImage("aging", "prod-1");
    clock.advance(3 * 86_400_000);
    const untagged = await pushImage("aging", "scratch");
    await api.call("BatchDeleteImage", { repositoryName: "aging", imageIds: [{ imageTag: "scratch" }] }); // gone entirely
    await pushImage("aging", "prod-2");
    const text = policy([
      { rulePriority: 1, selection: { tagStatus: "tagged", tagPatternList: ["prod*"], countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } },
      { rulePriority: 2, selection: { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } },
    ]);
    const start = await api.call("StartLifecyclePolicyPreview", { repositoryName: "aging", lifecyclePolicyText: text });
    expect(start.body).toMatchObject({ status: "IN_PROGRESS", lifecyclePolicyText: text });
    const none = await api.call("GetLifecyclePolicyPreview", { repositoryName: "aging" });
    expect(none.body).toMatchObject({ status: "COMPLETE", previewResults: [], summary: { expiringImageTotalCount: 0 } });

    // The account's clock moves 12 days: "old" is now 15 days old.
    const advanced = await api.sandbox("AdvanceClock", { days: 12 });
    expect(advanced.body).toMatchObject({ offsetDays: 12, lifecycle: { expired: 0 } });
    await api.call("StartLifecyclePolicyPreview", { repositoryName: "aging", lifecyclePolicyText: text });
    const preview = await api.call("GetLifecyclePolicyPreview", { repositoryName: "aging" });
    expect(preview.body.previewResults).toEqual([
      { imageTags: ["prod-1"], imageDigest: old.manifest.digest, imagePushedAt: new Date("2026-03-01T10:00:00Z").getTime() / 1000, action: { type: "EXPIRE" }, appliedRulePriority: 1, storageClass: "STANDARD" },
    ]);
    expect(preview.body.summary).toEqual({ expiringImageTotalCount: 1 });
    expect(untagged.manifest.digest).not.toBe(old.manifest.digest);

    // Saving the policy does not expire anything by itself; the next clock move does.
    await api.call("PutLifecyclePolicy", { repositoryName: "aging", lifecyclePolicyText: text });
    expect((await api.call("ListImages", { repositoryName: "aging" })).body.imageIds).toHaveLength(2);
    const moved = await api.sandbox("AdvanceClock", { days: 1 });
    expect(moved.body).toMatchObject({ offsetDays: 13, lifecycle: { repositories: 2, expired: 1 } });
    expect((await api.call("ListImages", { repositoryName: "aging" })).body.imageIds).toEqual([{ imageDigest: expect.any(String), imageTag: "prod-2" }]);
    const got = await api.call("GetLifecyclePolicy", { repositoryName: "aging" });
    expect(got.body.lastEvaluatedAt).toBe((clock.now().getTime() + 13 * 86_400_000) / 1000);
  });

  it("new pushes and registry tokens follow the account's clock", async () => {
    await api.call("CreateRepository", { repositoryName: "clocked" });
    const image = await pushImage("clocked", "now");
    const described = await api.call("DescribeImages", { repositoryName: "clocked" });
    const pushedAt = (described.body.imageDetails as { imagePushedAt: number }[])[0]!.imagePushedAt;
    expect(pushedAt).toBe((clock.now().getTime() + 13 * 86_400_000) / 1000);
    expect(image.manifest.digest).toMatch(/^sha256:/);
    // A token issued before a one-day jump has expired afterwards (12-hour lifetime).
    const token = await issueRegistryToken(deps, userId);
    const client = ociClient(deps, token.password);
    expect((await client.call("GET", "/v2/clocked/tags/list")).status).toBe(200);
    await api.sandbox("AdvanceClock", { days: 1 });
    expect((await client.call("GET", "/v2/clocked/tags/list")).status).toBe(401);
  });

  it("validates clock input", async () => {
    for (const days of [0, -1, 1.5, 4000]) errorOf(await api.sandbox("AdvanceClock", { days }), "InvalidParameterException");
    errorOf(await api.sandbox("AdvanceClock", {}), "InvalidParameterException");
  });
});

describe("repository policies and IAM users", () => {
  let reader: ReturnType<typeof ecrClient>;
  let ci: ReturnType<typeof ecrClient>;
  let readerOci: ReturnType<typeof ociClient>;
  let ciOci: ReturnType<typeof ociClient>;

  beforeAll(async () => {
    await api.call("CreateRepository", { repositoryName: "team/app" });
    await pushImage("team/app", "1.0");
    const readerUser = await createIamUser(deps, accountId, "reader");
    const ciUser = await createIamUser(deps, accountId, "ci-bot");
    await attachManagedPolicy(deps, accountId, "reader", "AmazonEC2ContainerRegistryReadOnly");
    await attachManagedPolicy(deps, accountId, "ci-bot", "AmazonEC2ContainerRegistryPowerUser");
    reader = ecrClient(deps, await createAccessKey(deps, accountId, readerUser.id));
    ci = ecrClient(deps, await createAccessKey(deps, accountId, ciUser.id));
    readerOci = ociClient(deps, (await issueRegistryToken(deps, userId, readerUser.id)).password);
    ciOci = ociClient(deps, (await issueRegistryToken(deps, userId, ciUser.id)).password);
  });

  it("CI may push, the reader may only pull, on both faces", async () => {
    await pushImage("team/app", "ci-1", ciOci);
    const image = await buildImage({ layers: 1, label: "reader-push" });
    const denied = await readerOci.pushBlob("team/app", image.layers[0]!.digest, image.layers[0]!.bytes);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ errors: [{ code: "DENIED", message: expect.stringContaining("ecr:InitiateLayerUpload") }] });
    expect((await readerOci.call("GET", "/v2/team/app/manifests/1.0", { headers: { Accept: "application/vnd.oci.image.manifest.v1+json" } })).status).toBe(200);
    expect((await reader.call("DescribeImages", { repositoryName: "team/app" })).status).toBe(200);
    const msg = errorOf(await reader.call("PutImageTagMutability", { repositoryName: "team/app", imageTagMutability: "IMMUTABLE" }), "AccessDeniedException");
    expect(msg).toBe(`User: arn:aws:iam::${accountId}:user/reader is not authorized to perform: ecr:PutImageTagMutability on resource: arn:aws:ecr:us-east-1:${accountId}:repository/team/app because no identity-based policy allows the ecr:PutImageTagMutability action`);
    errorOf(await ci.call("DeleteRepository", { repositoryName: "team/app", force: true }), "AccessDeniedException");
    errorOf(await reader.sandbox("AdvanceClock", { days: 1 }), "AccessDeniedException");
  });

  it("a repository policy can allow a user with no identity policy, and an explicit Deny beats every Allow", async () => {
    const nobody = await createIamUser(deps, accountId, "nobody");
    const nobodyApi = ecrClient(deps, await createAccessKey(deps, accountId, nobody.id));
    errorOf(await nobodyApi.call("DescribeImages", { repositoryName: "team/app" }), "AccessDeniedException");
    const allow = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "LetNobodyDescribe", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:user/nobody` }, Action: "ecr:DescribeImages" }] });
    expect((await api.call("SetRepositoryPolicy", { repositoryName: "team/app", policyText: allow })).body).toEqual({ registryId: accountId, repositoryName: "team/app", policyText: allow });
    expect((await nobodyApi.call("DescribeImages", { repositoryName: "team/app" })).status).toBe(200);

    const deny = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoPullForReader", Effect: "Deny", Principal: { AWS: `arn:aws:iam::${accountId}:user/reader` }, Action: ["ecr:BatchGetImage"] }] });
    await api.call("SetRepositoryPolicy", { repositoryName: "team/app", policyText: deny });
    const pull = await readerOci.call("GET", "/v2/team/app/manifests/1.0");
    expect(pull.status).toBe(403);
    expect(errorOf(await reader.call("BatchGetImage", { repositoryName: "team/app", imageIds: [{ imageTag: "1.0" }] }), "AccessDeniedException")).toContain("explicit deny in a resource-based policy");
    expect((await api.call("GetRepositoryPolicy", { repositoryName: "team/app" })).body.policyText).toBe(deny);
    await api.call("DeleteRepositoryPolicy", { repositoryName: "team/app" });
    expect((await readerOci.call("GET", "/v2/team/app/manifests/1.0")).status).toBe(200);
    errorOf(await api.call("GetRepositoryPolicy", { repositoryName: "team/app" }), "RepositoryPolicyNotFoundException");
  });

  it("rejects invalid repository policies and identity policies with a precise detail", async () => {
    const msg = errorOf(await api.call("SetRepositoryPolicy", { repositoryName: "team/app", policyText: '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Principal":"*","Action":"ecr:*"}]}' }), "InvalidParameterException");
    expect(msg).toMatch(/^Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'\. .*Effect/);
    errorOf(await api.call("SetRepositoryPolicy", { repositoryName: "team/app", policyText: "not json" }), "InvalidParameterException");
    await expect(putUserPolicy(deps, accountId, "reader", "bad", '{"Statement":[{"Effect":"Allow","Action":"ecr:*"}]}')).rejects.toSatisfy((e: unknown) => isDomainError(e, "InvalidInput"));
    await putUserPolicy(deps, accountId, "reader", "also-delete", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ecr:BatchDeleteImage", Resource: `arn:aws:ecr:us-east-1:${accountId}:repository/team/*` }] }));
    expect((await reader.call("BatchDeleteImage", { repositoryName: "team/app", imageIds: [{ imageTag: "nope" }] })).status).toBe(200);
  });

  it("a registry policy is evaluated on every repository of the account", async () => {
    const nobody = await createIamUser(deps, accountId, "registry-reader");
    const client = ecrClient(deps, await createAccessKey(deps, accountId, nobody.id));
    errorOf(await client.call("ListImages", { repositoryName: "team/app" }), "AccessDeniedException");
    const text = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "ListAll", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:user/registry-reader` }, Action: "ecr:ListImages", Resource: `arn:aws:ecr:us-east-1:${accountId}:repository/*` }] });
    expect((await api.call("PutRegistryPolicy", { policyText: text })).body).toEqual({ registryId: accountId, policyText: text });
    expect((await client.call("ListImages", { repositoryName: "team/app" })).status).toBe(200);
    expect((await api.call("GetRegistryPolicy")).body.policyText).toBe(text);
    await api.call("DeleteRegistryPolicy");
    errorOf(await client.call("ListImages", { repositoryName: "team/app" }), "AccessDeniedException");
    errorOf(await api.call("GetRegistryPolicy"), "RegistryPolicyNotFoundException");
    errorOf(await api.call("PutRegistryPolicy", { policyText: "{}" }), "InvalidParameterException");
  });
});
