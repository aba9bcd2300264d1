// Runs a repository's lifecycle policy: what would expire (preview) and expiring it (enforcement).
// Enforcement deletes exactly as BatchDeleteImage by digest would.
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleAction } from "./lifecycle";
import type { Deps } from "../core/deps";
import { ecrContext, type EcrContext } from "./context";
import { digestsReferencedByIndexes, loadImages, type ImageRecord } from "./image-records";
import { deleteImage } from "./operations/images";
import type { RepositoryRow } from "./repository-record";

export type PlannedAction = LifecycleAction & { image: ImageRecord };

export async function planLifecycle(ctx: EcrContext, repo: RepositoryRow, policyText: string): Promise<PlannedAction[]> {
  const policy = parseLifecyclePolicy(policyText);
  const [images, referenced] = await Promise.all([loadImages(ctx, repo), digestsReferencedByIndexes(ctx, repo)]);
  const byDigest = new Map(images.map((i) => [i.digest, i]));
  const actions = evaluateLifecyclePolicy(
    policy,
    images.map((i) => ({
      digest: i.digest,
      tags: i.tags,
      pushedAt: i.pushedAt,
      lastPulledAt: i.lastPulledAt,
      storageClass: "standard" as const,
      lastArchivedAt: null,
      lastActivatedAt: null,
      referencedByIndex: referenced.has(i.digest),
    })),
    ctx.deps.clock.now(),
  );
  return actions.flatMap((a) => {
    const image = byDigest.get(a.digest);
    return image ? [{ ...a, image }] : [];
  });
}

/**
 * Applies the repository's policy now. [A] "transition" actions (archive storage class) are not
 * simulated yet: only expiries are carried out; transitions are reported in previews.
 */
export async function enforceLifecyclePolicy(ctx: EcrContext, repo: RepositoryRow): Promise<{ expired: string[] }> {
  const stored = await ctx.deps.db.lifecyclePolicy.findUnique({ where: { repositoryId: repo.id } });
  if (!stored) return { expired: [] };
  let planned: PlannedAction[];
  try {
    planned = await planLifecycle(ctx, repo, stored.text);
  } catch {
    return { expired: [] }; // a stored policy was validated when saved; never fail the sweep over one
  }
  const expired: string[] = [];
  for (const a of planned) {
    if (a.action !== "expire") continue;
    await deleteImage(ctx, repo, a.image);
    expired.push(a.digest);
  }
  await ctx.deps.db.lifecyclePolicy.update({ where: { repositoryId: repo.id }, data: { lastEvaluatedAt: ctx.deps.clock.now() } });
  return { expired };
}

/** Every policy of one account (after its clock moves), or of all accounts (the scheduled sweep). */
export async function enforceLifecyclePolicies(deps: Deps, accountId?: string): Promise<{ repositories: number; expired: number }> {
  const repos = await deps.db.repository.findMany({ where: { lifecyclePolicy: { isNot: null }, ...(accountId ? { accountId } : {}) } });
  let expired = 0;
  for (const repo of repos) {
    const ctx = await ecrContext(deps, { accountId: repo.accountId });
    expired += (await enforceLifecyclePolicy(ctx, repo)).expired.length;
  }
  return { repositories: repos.length, expired };
}
