// Repositories of one sandbox account. Every lookup is scoped by account id: an account can
// never see another account's repository, even by guessing its name.
import type { Deps } from "../core/deps";
import { RegistryError } from "./errors";
import { repositoryNameProblem } from "./names";

export type RepositorySummary = { id: string; name: string; createdAt: Date; imageCount: number; sizeBytes: bigint };

type RepoDeps = Pick<Deps, "db" | "ids" | "clock" | "config">;

export async function createRepository(deps: RepoDeps, accountId: string, name: string): Promise<{ id: string; name: string; createdAt: Date }> {
  const problem = repositoryNameProblem(name);
  if (problem) throw new RegistryError("NameInvalid", problem, { name });
  const count = await deps.db.repository.count({ where: { accountId } });
  if (count >= deps.config.registry.maxRepositories) {
    throw new RegistryError("Denied", `This sandbox account already has ${count} repositories, the most it may have. Delete one first.`, { quota: "repositories" });
  }
  try {
    return await deps.db.repository.create({ data: { id: deps.ids.id(), accountId, name, createdAt: deps.clock.now() }, select: { id: true, name: true, createdAt: true } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new RegistryError("RepositoryAlreadyExists", `The repository with name '${name}' already exists in the registry with id '${accountId}'`, { name });
    }
    throw error;
  }
}

/** The repository, or NameUnknown with the hint ECR gives (repositories are not created on push). */
export async function getRepositoryOrThrow(deps: Pick<Deps, "db">, accountId: string, name: string): Promise<{ id: string; name: string }> {
  const repo = await deps.db.repository.findUnique({ where: { accountId_name: { accountId, name } }, select: { id: true, name: true } });
  if (!repo) {
    throw new RegistryError("NameUnknown", `The repository with name '${name}' does not exist in the registry with id '${accountId}'. Create it first (Registry page, or: npm run dockyard -- repo:create --name ${name}).`, { name });
  }
  return repo;
}

export async function listRepositories(deps: Pick<Deps, "db">, accountId: string): Promise<RepositorySummary[]> {
  const repos = await deps.db.repository.findMany({ where: { accountId }, orderBy: { name: "asc" }, include: { _count: { select: { manifests: true } } } });
  const sizes = await deps.db.$queryRaw<{ repositoryId: string; total: bigint | number | null }[]>`
    SELECT rb.repositoryId AS repositoryId, SUM(b.size) AS total FROM RepositoryBlob rb JOIN Blob b ON b.digest = rb.digest
    JOIN Repository r ON r.id = rb.repositoryId WHERE r.accountId = ${accountId} GROUP BY rb.repositoryId`;
  const byRepo = new Map(sizes.map((s) => [s.repositoryId, BigInt(s.total ?? 0)]));
  return repos.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, imageCount: r._count.manifests, sizeBytes: byRepo.get(r.id) ?? 0n }));
}

/** Deletes a repository; with images in it only when `force` (as ECR's DeleteRepository). */
export async function deleteRepository(deps: Pick<Deps, "db">, accountId: string, name: string, force = false): Promise<void> {
  const repo = await getRepositoryOrThrow(deps, accountId, name);
  if (!force && (await deps.db.manifest.count({ where: { repositoryId: repo.id } })) > 0) {
    throw new RegistryError("RepositoryNotEmpty", `The repository with name '${name}' in registry with id '${accountId}' cannot be deleted because it still contains images`, { name });
  }
  await deps.db.repository.delete({ where: { id: repo.id } });
}

/** Bytes of distinct blobs linked by any repository of the account (what the quota counts). */
export async function accountStoredBytes(deps: Pick<Deps, "db">, accountId: string): Promise<number> {
  const [row] = await deps.db.$queryRaw<{ total: bigint | number | null }[]>`
    SELECT SUM(size) AS total FROM Blob WHERE digest IN (
      SELECT rb.digest FROM RepositoryBlob rb JOIN Repository r ON r.id = rb.repositoryId WHERE r.accountId = ${accountId})`;
  return Number(row?.total ?? 0);
}
