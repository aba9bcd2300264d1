// SetRepositoryPolicy, GetRepositoryPolicy, DeleteRepositoryPolicy (ecr-spec §4.5, §5).
import { z } from "zod";
import { parsePolicyDocument, PolicyValidationError } from "../iam";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError } from "../errors";
import { parseInput, RegistryIdSchema, RepositoryNameSchema } from "../input";
import { requireRepository, type RepositoryRow } from "../repository-record";

const RepoInput = { registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema };

/** The service's wording [O], followed by what exactly is wrong so a learner can fix it. */
export function validateRepositoryPolicy(text: string): void {
  try {
    parsePolicyDocument(text, "resource");
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    throw new EcrError("InvalidParameterException", `Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'. ${error.detail}`);
  }
}

function policyNotFound(ctx: EcrContext, repo: RepositoryRow): EcrError {
  return new EcrError("RepositoryPolicyNotFoundException", `Repository policy does not exist for the repository with name '${repo.name}' in the registry with id '${ctx.accountId}'`);
}

/**
 * [A] `force` is accepted; the lock-out it guards against cannot happen to the learner (the root
 * principal may always manage repository policies), and IAM users are governed by their own policies.
 */
export async function setRepositoryPolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ ...RepoInput, policyText: z.string().max(10240, "Member must have length less than or equal to 10240"), force: z.boolean().optional() }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:SetRepositoryPolicy", repo.name);
  validateRepositoryPolicy(req.policyText);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.repositoryPolicy.upsert({ where: { repositoryId: repo.id }, create: { repositoryId: repo.id, text: req.policyText, updatedAt: now }, update: { text: req.policyText, updatedAt: now } });
  return { registryId: ctx.accountId, repositoryName: repo.name, policyText: req.policyText };
}

export async function getRepositoryPolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject(RepoInput), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:GetRepositoryPolicy", repo.name);
  const stored = await ctx.deps.db.repositoryPolicy.findUnique({ where: { repositoryId: repo.id } });
  if (!stored) throw policyNotFound(ctx, repo);
  return { registryId: ctx.accountId, repositoryName: repo.name, policyText: stored.text };
}

export async function deleteRepositoryPolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject(RepoInput), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:DeleteRepositoryPolicy", repo.name);
  const stored = await ctx.deps.db.repositoryPolicy.findUnique({ where: { repositoryId: repo.id } });
  if (!stored) throw policyNotFound(ctx, repo);
  await ctx.deps.db.repositoryPolicy.delete({ where: { repositoryId: repo.id } });
  return { registryId: ctx.accountId, repositoryName: repo.name, policyText: stored.text };
}

// The registry permissions policy (ecr-spec §5): evaluated on every request of the account, next
// to identity and repository policies (scope V2, the default for new registries).

function registryPolicyNotFound(ctx: EcrContext): EcrError {
  return new EcrError("RegistryPolicyNotFoundException", `Registry policy does not exist in the registry with id '${ctx.accountId}'`);
}

export async function putRegistryPolicy(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ policyText: z.string().max(10240, "Member must have length less than or equal to 10240") }), input);
  await authorize(ctx, "ecr:PutRegistryPolicy", null);
  try {
    parsePolicyDocument(req.policyText, "resource");
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    throw new EcrError("InvalidParameterException", `Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid registry policy provided'. ${error.detail}`);
  }
  await ctx.deps.db.registrySettings.upsert({ where: { accountId: ctx.accountId }, create: { accountId: ctx.accountId, registryPolicyText: req.policyText }, update: { registryPolicyText: req.policyText } });
  return { registryId: ctx.accountId, policyText: req.policyText };
}

export async function getRegistryPolicy(ctx: EcrContext, input: unknown) {
  parseInput(z.strictObject({}), input);
  await authorize(ctx, "ecr:GetRegistryPolicy", null);
  const row = await ctx.deps.db.registrySettings.findUnique({ where: { accountId: ctx.accountId }, select: { registryPolicyText: true } });
  if (!row?.registryPolicyText) throw registryPolicyNotFound(ctx);
  return { registryId: ctx.accountId, policyText: row.registryPolicyText };
}

export async function deleteRegistryPolicy(ctx: EcrContext, input: unknown) {
  parseInput(z.strictObject({}), input);
  await authorize(ctx, "ecr:DeleteRegistryPolicy", null);
  const row = await ctx.deps.db.registrySettings.findUnique({ where: { accountId: ctx.accountId }, select: { registryPolicyText: true } });
  if (!row?.registryPolicyText) throw registryPolicyNotFound(ctx);
  await ctx.deps.db.registrySettings.update({ where: { accountId: ctx.accountId }, data: { registryPolicyText: null } });
  return { registryId: ctx.accountId, policyText: row.registryPolicyText };
}
