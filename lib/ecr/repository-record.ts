// Reading repositories of the caller's account and shaping them as ECR's Repository structure.
import { createHash } from "node:crypto";
import type { Deps } from "../core/deps";
import { tagMutabilityOf } from "../registry/tag-mutability";
import { repositoryArn, repositoryUri } from "./arns";
import type { EcrContext } from "./context";
import { EcrError } from "./errors";

export type RepositoryRow = {
  id: string;
  accountId: string;
  name: string;
  createdAt: Date;
  imageTagMutability: string;
  tagMutabilityExclusions: string | null;
  scanOnPush: boolean;
  encryptionType: string;
  kmsKey: string | null;
};

/**
 * [A] registryId, when given, must be the caller's own account: sandboxes never share
 * repositories, so another id is answered as "not found in that registry" without revealing it.
 */
export function assertOwnRegistry(ctx: EcrContext, registryId: string | undefined, repositoryName: string): void {
  if (registryId !== undefined && registryId !== ctx.accountId) throw repositoryNotFound(repositoryName, registryId);
}

export function repositoryNotFound(name: string, registryId: string): EcrError {
  return new EcrError("RepositoryNotFoundException", `The repository with name '${name}' does not exist in the registry with id '${registryId}'`);
}

export async function findRepository(deps: Pick<Deps, "db">, accountId: string, name: string): Promise<RepositoryRow | null> {
  return deps.db.repository.findUnique({ where: { accountId_name: { accountId, name } } });
}

export async function requireRepository(ctx: EcrContext, name: string, registryId?: string): Promise<RepositoryRow> {
  assertOwnRegistry(ctx, registryId, name);
  const repo = await findRepository(ctx.deps, ctx.accountId, name);
  if (!repo) throw repositoryNotFound(name, ctx.accountId);
  return repo;
}

/** The simulated id of the AWS managed key aws/ecr: stable per account and region. */
export function awsManagedKmsKeyArn(region: string, accountId: string): string {
  const h = createHash("sha256").update(`aws/ecr:${accountId}:${region}`).digest("hex");
  return `arn:aws:kms:${region}:${accountId}:key/${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function toRepositoryShape(ctx: Pick<EcrContext, "region">, row: RepositoryRow) {
  const { mutability, filters } = tagMutabilityOf(row);
  return {
    repositoryArn: repositoryArn(ctx.region, row.accountId, row.name),
    registryId: row.accountId,
    repositoryName: row.name,
    repositoryUri: repositoryUri(ctx.region, row.accountId, row.name),
    createdAt: row.createdAt,
    imageTagMutability: mutability,
    ...(filters.length ? { imageTagMutabilityExclusionFilters: filters } : {}),
    imageScanningConfiguration: { scanOnPush: row.scanOnPush },
    encryptionConfiguration: { encryptionType: row.encryptionType, ...(row.kmsKey ? { kmsKey: row.kmsKey } : {}) },
  };
}
export type RepositoryShape = ReturnType<typeof toRepositoryShape>;

/** The repository's stored policy texts, for the console's editors. */
export async function repositoryPolicyTexts(deps: Pick<Deps, "db">, repositoryId: string): Promise<{ lifecycle: string | null; lifecycleEvaluatedAt: Date | null; repository: string | null }> {
  const [lifecycle, policy] = await Promise.all([deps.db.lifecyclePolicy.findUnique({ where: { repositoryId } }), deps.db.repositoryPolicy.findUnique({ where: { repositoryId } })]);
  return { lifecycle: lifecycle?.text ?? null, lifecycleEvaluatedAt: lifecycle?.lastEvaluatedAt ?? null, repository: policy?.text ?? null };
}
