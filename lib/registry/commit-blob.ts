// The last step of every upload, as a list of named steps (distribution's blobwriter.Commit):
// verify the digest and the account quota, record the blob and link it to the repository, then
// move the bytes into content-addressed storage (replacing identical bytes if already there).
import type { Deps } from "../core/deps";
import { RegistryError } from "./errors";
import { blobKey } from "./layout";
import type { ParsedDigest } from "./digest";
import { accountStoredBytes } from "./repositories";

export type RegistryDeps = Pick<Deps, "db" | "ids" | "clock" | "config" | "blobs">;
export type RepoRef = { id: string; name: string; accountId: string };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** Idempotent insert: concurrent pushes of the same blob both succeed. */
async function ignoreDuplicate(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

export async function assertWithinStorageQuota(deps: RegistryDeps, repo: RepoRef, digest: string, size: number): Promise<void> {
  const alreadyOwned = await deps.db.repositoryBlob.findFirst({ where: { digest, repository: { accountId: repo.accountId } }, select: { digest: true } });
  if (alreadyOwned) return;
  const used = await accountStoredBytes(deps, repo.accountId);
  if (used + size > deps.config.registry.maxStoredBytes) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    throw new RegistryError("Denied", `Storage quota exceeded: this account stores ${mib(used)} of ${mib(deps.config.registry.maxStoredBytes)}, and this blob needs ${mib(size)} more. Delete unused images first.`, { quota: "storage" });
  }
}

/** Records that `repo` may serve the blob (idempotent). */
export async function linkBlob(deps: RegistryDeps, repo: RepoRef, digest: string, size: number): Promise<void> {
  const now = deps.clock.now();
  await ignoreDuplicate(() => deps.db.blob.create({ data: { digest, size: BigInt(size), createdAt: now } }));
  await ignoreDuplicate(() => deps.db.repositoryBlob.create({ data: { repositoryId: repo.id, digest, createdAt: now } }));
}

/**
 * Moves a verified upload file into content-addressed storage and links it. `actual` is the digest
 * computed from the bytes; `expected` is what the client announced.
 */
export async function commitBlob(deps: RegistryDeps, repo: RepoRef, sourceKey: string, expected: ParsedDigest, actual: string, size: number): Promise<{ digest: string; size: number }> {
  if (actual !== expected.digest) {
    await deps.blobs.delete(sourceKey);
    throw new RegistryError("DigestInvalid", `The uploaded content has digest ${actual}, not ${expected.digest}. Nothing was stored.`, { expected: expected.digest, actual });
  }
  try {
    await assertWithinStorageQuota(deps, repo, expected.digest, size);
  } catch (error) {
    await deps.blobs.delete(sourceKey);
    throw error;
  }
  // Link first, then (re)place the bytes: garbage collection deletes only unlinked blobs, so a
  // collection racing with this push either sees the link or finds the bytes put back. @see gc.ts
  await linkBlob(deps, repo, expected.digest, size);
  await deps.blobs.move(sourceKey, blobKey(expected));
  return { digest: expected.digest, size };
}
