// Put/Get/DeleteLifecyclePolicy, StartLifecyclePolicyPreview, GetLifecyclePolicyPreview (ecr-spec §1.5).
import { z } from "zod";
import { parseLifecyclePolicy } from "../lifecycle";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError } from "../errors";
import { ImageIdSchema, page, parseInput, RegistryIdSchema, RepositoryNameSchema, NextTokenSchema, MaxResultsSchema } from "../input";
import { planLifecycle } from "../lifecycle-runner";
import { requireRepository, type RepositoryRow } from "../repository-record";

const PolicyText = z.string().max(30720, "Member must have length less than or equal to 30720").min(100, "Member must have length greater than or equal to 100");
const RepoInput = { registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema };

function policyNotFound(ctx: EcrContext, repo: RepositoryRow): EcrError {
  return new EcrError("LifecyclePolicyNotFoundException", `Lifecycle policy does not exist for the repository with name '${repo.name}' in the registry with id '${ctx.accountId}'`);
}

/** Replaces any existing policy wholesale and echoes the text back verbatim. */
export async function putLifecyclePolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ ...RepoInput, lifecyclePolicyText: PolicyText }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:PutLifecyclePolicy", repo.name);
  parseLifecyclePolicy(req.lifecyclePolicyText);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.lifecyclePolicy.upsert({ where: { repositoryId: repo.id }, create: { repositoryId: repo.id, text: req.lifecyclePolicyText, updatedAt: now }, update: { text: req.lifecyclePolicyText, updatedAt: now, lastEvaluatedAt: null } });
  return { registryId: ctx.accountId, repositoryName: repo.name, lifecyclePolicyText: req.lifecyclePolicyText };
}

export async function getLifecyclePolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject(RepoInput), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:GetLifecyclePolicy", repo.name);
  const stored = await ctx.deps.db.lifecyclePolicy.findUnique({ where: { repositoryId: repo.id } });
  if (!stored) throw policyNotFound(ctx, repo);
  return { registryId: ctx.accountId, repositoryName: repo.name, lifecyclePolicyText: stored.text, ...(stored.lastEvaluatedAt ? { lastEvaluatedAt: stored.lastEvaluatedAt } : {}) };
}

export async function deleteLifecyclePolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject(RepoInput), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:DeleteLifecyclePolicy", repo.name);
  const stored = await ctx.deps.db.lifecyclePolicy.findUnique({ where: { repositoryId: repo.id } });
  if (!stored) throw policyNotFound(ctx, repo);
  await ctx.deps.db.lifecyclePolicy.delete({ where: { repositoryId: repo.id } });
  return { registryId: ctx.accountId, repositoryName: repo.name, lifecyclePolicyText: stored.text, ...(stored.lastEvaluatedAt ? { lastEvaluatedAt: stored.lastEvaluatedAt } : {}) };
}

/**
 * [A] The dry run is computed at once and stored as COMPLETE, while the response says IN_PROGRESS
 * as ECR's does; the CLI's waiter then succeeds on its first poll.
 */
export async function startLifecyclePolicyPreview(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ ...RepoInput, lifecyclePolicyText: PolicyText.optional() }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:StartLifecyclePolicyPreview", repo.name);
  let text = req.lifecyclePolicyText;
  if (text === undefined) {
    const stored = await ctx.deps.db.lifecyclePolicy.findUnique({ where: { repositoryId: repo.id } });
    if (!stored) throw policyNotFound(ctx, repo);
    text = stored.text;
  }
  const planned = await planLifecycle(ctx, repo, text);
  const results = planned.map((a) => ({ imageDigest: a.digest, imageTags: a.image.tags, imagePushedAt: a.image.pushedAt.getTime(), action: a.action, appliedRulePriority: a.rulePriority }));
  const data = { policyText: text, status: "COMPLETE", results: JSON.stringify(results), startedAt: ctx.deps.clock.now() };
  await ctx.deps.db.lifecyclePreview.upsert({ where: { repositoryId: repo.id }, create: { repositoryId: repo.id, ...data }, update: data });
  return { registryId: ctx.accountId, repositoryName: repo.name, lifecyclePolicyText: text, status: "IN_PROGRESS" };
}

const StoredResults = z.array(z.object({ imageDigest: z.string(), imageTags: z.array(z.string()), imagePushedAt: z.number(), action: z.enum(["expire", "transition"]), appliedRulePriority: z.number() }));

const GetPreviewInput = z
  .strictObject({
    ...RepoInput,
    imageIds: z.array(ImageIdSchema).min(1).max(100).optional(),
    nextToken: NextTokenSchema.optional(),
    maxResults: MaxResultsSchema(100).optional(),
    filter: z.strictObject({ tagStatus: z.enum(["TAGGED", "UNTAGGED", "ANY"]).optional() }).optional(),
  })
  .refine((r) => !(r.nextToken && r.imageIds), { message: "nextToken cannot be used with imageIds", path: ["nextToken"] });

export async function getLifecyclePolicyPreview(ctx: EcrContext, input: unknown) {
  const req = parseInput(GetPreviewInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:GetLifecyclePolicyPreview", repo.name);
  const preview = await ctx.deps.db.lifecyclePreview.findUnique({ where: { repositoryId: repo.id } });
  if (!preview) throw new EcrError("LifecyclePolicyPreviewNotFoundException", "There is no dry run for this repository.");
  let results = StoredResults.parse(JSON.parse(preview.results));
  const tagStatus = req.filter?.tagStatus;
  if (tagStatus === "TAGGED") results = results.filter((r) => r.imageTags.length > 0);
  if (tagStatus === "UNTAGGED") results = results.filter((r) => r.imageTags.length === 0);
  if (req.imageIds) results = results.filter((r) => req.imageIds!.some((id) => (id.imageDigest ? id.imageDigest === r.imageDigest : true) && (id.imageTag ? r.imageTags.includes(id.imageTag) : true)));
  const expiring = results.filter((r) => r.action === "expire").length;
  const transitioning = results.length - expiring;
  const slice = page(results, req.nextToken, req.maxResults);
  return {
    registryId: ctx.accountId,
    repositoryName: repo.name,
    lifecyclePolicyText: preview.policyText,
    status: preview.status,
    ...(slice.nextToken ? { nextToken: slice.nextToken } : {}),
    previewResults: slice.items.map((r) => ({
      imageTags: r.imageTags,
      imageDigest: r.imageDigest,
      imagePushedAt: new Date(r.imagePushedAt),
      action: r.action === "expire" ? { type: "EXPIRE" } : { type: "TRANSITION", targetStorageClass: "ARCHIVE" },
      appliedRulePriority: r.appliedRulePriority,
      storageClass: "STANDARD",
    })),
    summary: { expiringImageTotalCount: expiring, ...(transitioning ? { transitioningImageTotalCounts: [{ targetStorageClass: "ARCHIVE", imageTotalCount: transitioning }] } : {}) },
  };
}
