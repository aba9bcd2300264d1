// CreateRepository, DescribeRepositories, DeleteRepository, PutImageTagMutability,
// PutImageScanningConfiguration (ecr-spec §3.2, §4.5).
import { z } from "zod";
import { repositoryNameProblem } from "../../registry/names";
import { ExclusionFilterSchema, TAG_MUTABILITY, type ExclusionFilter } from "../../registry/tag-mutability";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { decodeNextToken, MaxResultsSchema, NextTokenSchema, pageOfRows, parseInput, RegistryIdSchema, RepositoryNameSchema, TagSchema } from "../input";
import { assertOwnRegistry, awsManagedKmsKeyArn, repositoryNotFound, requireRepository, toRepositoryShape, type RepositoryShape } from "../repository-record";
import { validateResourceTags } from "../resource-tags";

const MutabilitySchema = z.enum(TAG_MUTABILITY);
const FiltersSchema = z.array(ExclusionFilterSchema).min(1).max(5);

/** Filters are required with *_WITH_EXCLUSION and not allowed otherwise (moto's wording [O]). */
function checkExclusions(mutability: (typeof TAG_MUTABILITY)[number], filters: ExclusionFilter[] | undefined): ExclusionFilter[] {
  const needs = mutability.endsWith("_WITH_EXCLUSION");
  if (needs && !filters?.length) throw invalidParameter("imageTagMutabilityExclusionFilters", `ImageTagMutabilityExclusionFilters can't be null when imageTagMutability is set as ${mutability}`);
  if (!needs && filters?.length) throw invalidParameter("imageTagMutabilityExclusionFilters", `ImageTagMutabilityExclusionFilters can only be set when imageTagMutability is IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION`);
  return filters ?? [];
}

const KMS_KEY = /^(arn:aws:kms:[a-z0-9-]+:\d{12}:(key\/[A-Za-z0-9-]+|alias\/[A-Za-z0-9/_-]+)|alias\/[A-Za-z0-9/_-]+|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|mrk-[a-f0-9]{32})$/;

/** Simulated KMS: any well-formed key reference in the caller's region is accepted and kept as an ARN. */
function resolveKmsKey(ctx: EcrContext, encryptionType: string, kmsKey: string | undefined): string | null {
  if (encryptionType === "AES256") {
    if (kmsKey) throw invalidParameter("encryptionConfiguration.kmsKey", "kmsKey can only be specified when encryptionType is KMS or KMS_DSSE");
    return null;
  }
  if (!kmsKey) return awsManagedKmsKeyArn(ctx.region, ctx.accountId);
  if (!KMS_KEY.test(kmsKey)) throw new EcrError("KmsException", `Invalid KMS key '${kmsKey}': give a key id, key ARN, alias name (alias/...) or alias ARN.`, { kmsError: "NotFoundException" });
  if (kmsKey.startsWith("arn:")) {
    if (!kmsKey.startsWith(`arn:aws:kms:${ctx.region}:`)) throw new EcrError("KmsException", `The KMS key must be in the repository's region (${ctx.region}).`, { kmsError: "NotFoundException" });
    return kmsKey;
  }
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:${kmsKey.startsWith("alias/") ? kmsKey : `key/${kmsKey}`}`;
}

const CreateRepositoryInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  tags: z.array(TagSchema).optional(),
  imageTagMutability: MutabilitySchema.optional(),
  imageTagMutabilityExclusionFilters: FiltersSchema.optional(),
  imageScanningConfiguration: z.strictObject({ scanOnPush: z.boolean().optional() }).optional(),
  encryptionConfiguration: z.strictObject({ encryptionType: z.enum(["AES256", "KMS", "KMS_DSSE"]), kmsKey: z.string().min(1).max(2048).optional() }).optional(),
});

export async function createRepository(ctx: EcrContext, input: unknown): Promise<{ repository: RepositoryShape }> {
  const req = parseInput(CreateRepositoryInput, input);
  assertOwnRegistry(ctx, req.registryId, req.repositoryName);
  await authorize(ctx, "ecr:CreateRepository", req.repositoryName);
  const problem = repositoryNameProblem(req.repositoryName);
  if (problem) throw invalidParameter("repositoryName", problem);
  const mutability = req.imageTagMutability ?? "MUTABLE";
  const filters = checkExclusions(mutability, req.imageTagMutabilityExclusionFilters);
  const tags = validateResourceTags(req.tags ?? []);
  const encryptionType = req.encryptionConfiguration?.encryptionType ?? "AES256";
  if (encryptionType === "KMS_DSSE" && !ctx.region.startsWith("us-gov-")) {
    throw invalidParameter("encryptionConfiguration.encryptionType", "KMS_DSSE is available only in the AWS GovCloud (US) Regions");
  }
  const kmsKey = resolveKmsKey(ctx, encryptionType, req.encryptionConfiguration?.kmsKey);
  const { db, config, ids, clock } = ctx.deps;
  const count = await db.repository.count({ where: { accountId: ctx.accountId } });
  if (count >= config.registry.maxRepositories) throw new EcrError("LimitExceededException", `This sandbox account already has ${count} repositories, the most it may have. Delete one first.`);
  try {
    // Tags are created with the repository in one statement: if tagging fails, nothing is created.
    const row = await db.repository.create({
      data: {
        id: ids.id(),
        accountId: ctx.accountId,
        name: req.repositoryName,
        createdAt: clock.now(),
        imageTagMutability: mutability,
        tagMutabilityExclusions: filters.length ? JSON.stringify(filters) : null,
        scanOnPush: req.imageScanningConfiguration?.scanOnPush ?? false,
        encryptionType,
        kmsKey,
        resourceTags: { create: tags.map((t) => ({ key: t.Key, value: t.Value })) },
      },
    });
    return { repository: toRepositoryShape(ctx, row) };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new EcrError("RepositoryAlreadyExistsException", `The repository with name '${req.repositoryName}' already exists in the registry with id '${ctx.accountId}'`);
    }
    throw error;
  }
}

const DescribeRepositoriesInput = z
  .strictObject({
    registryId: RegistryIdSchema.optional(),
    repositoryNames: z.array(RepositoryNameSchema).min(1).max(100).optional(),
    nextToken: NextTokenSchema.optional(),
    maxResults: MaxResultsSchema(1000).optional(),
  })
  .refine((r) => !(r.nextToken && r.repositoryNames), { message: "nextToken cannot be used with repositoryNames", path: ["nextToken"] })
  .refine((r) => !(r.maxResults && r.repositoryNames), { message: "maxResults cannot be used with repositoryNames", path: ["maxResults"] });

export async function describeRepositories(ctx: EcrContext, input: unknown): Promise<{ repositories: RepositoryShape[]; nextToken?: string }> {
  const req = parseInput(DescribeRepositoriesInput, input);
  const { db } = ctx.deps;
  if (req.registryId !== undefined && req.registryId !== ctx.accountId) {
    if (req.repositoryNames?.[0]) throw repositoryNotFound(req.repositoryNames[0], req.registryId);
    return { repositories: [] };
  }
  if (req.repositoryNames) {
    const rows = await db.repository.findMany({ where: { accountId: ctx.accountId, name: { in: req.repositoryNames } } });
    for (const name of req.repositoryNames) {
      if (!rows.some((r) => r.name === name)) throw repositoryNotFound(name, ctx.accountId);
      await authorize(ctx, "ecr:DescribeRepositories", name);
    }
    return { repositories: req.repositoryNames.map((n) => toRepositoryShape(ctx, rows.find((r) => r.name === n)!)) };
  }
  await authorize(ctx, "ecr:DescribeRepositories", null);
  const start = decodeNextToken(req.nextToken);
  const size = req.maxResults ?? 100;
  const rows = await db.repository.findMany({ where: { accountId: ctx.accountId }, orderBy: { name: "asc" }, skip: start, take: size + 1 });
  const result = pageOfRows(rows, start, size);
  return { repositories: result.items.map((r) => toRepositoryShape(ctx, r)), ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
}

const DeleteRepositoryInput = z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema, force: z.boolean().optional() });

/** Deletes the repository with its images, policy, lifecycle policy and tags (cascade). */
export async function deleteRepository(ctx: EcrContext, input: unknown): Promise<{ repository: RepositoryShape }> {
  const req = parseInput(DeleteRepositoryInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:DeleteRepository", repo.name);
  if (!req.force && (await ctx.deps.db.manifest.count({ where: { repositoryId: repo.id } })) > 0) {
    throw new EcrError("RepositoryNotEmptyException", `The repository with name '${repo.name}' in registry with id '${ctx.accountId}' cannot be deleted because it still contains images`);
  }
  await ctx.deps.db.repository.delete({ where: { id: repo.id } });
  return { repository: toRepositoryShape(ctx, repo) };
}

const PutImageTagMutabilityInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  imageTagMutability: MutabilitySchema,
  imageTagMutabilityExclusionFilters: FiltersSchema.optional(),
});

export async function putImageTagMutability(ctx: EcrContext, input: unknown) {
  const req = parseInput(PutImageTagMutabilityInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:PutImageTagMutability", repo.name);
  const filters = checkExclusions(req.imageTagMutability, req.imageTagMutabilityExclusionFilters);
  await ctx.deps.db.repository.update({ where: { id: repo.id }, data: { imageTagMutability: req.imageTagMutability, tagMutabilityExclusions: filters.length ? JSON.stringify(filters) : null } });
  return { registryId: ctx.accountId, repositoryName: repo.name, imageTagMutability: req.imageTagMutability, ...(filters.length ? { imageTagMutabilityExclusionFilters: filters } : {}) };
}

const PutImageScanningConfigurationInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  imageScanningConfiguration: z.strictObject({ scanOnPush: z.boolean().optional() }),
});

export async function putImageScanningConfiguration(ctx: EcrContext, input: unknown) {
  const req = parseInput(PutImageScanningConfigurationInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:PutImageScanningConfiguration", repo.name);
  const scanOnPush = req.imageScanningConfiguration.scanOnPush ?? false;
  await ctx.deps.db.repository.update({ where: { id: repo.id }, data: { scanOnPush } });
  return { registryId: ctx.accountId, repositoryName: repo.name, imageScanningConfiguration: { scanOnPush } };
}
