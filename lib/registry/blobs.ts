// Reading, mounting and unlinking blobs of a repository.
import type { OpenedBlob } from "../blobstore/blob-store";
import { RegistryError } from "./errors";
import { blobKey } from "./layout";
import { parseDigestOrThrow } from "./digest";
import { linkBlob, assertWithinStorageQuota, type RegistryDeps, type RepoRef } from "./commit-blob";

export type BlobInfo = { digest: string; size: number };

/** The blob if this repository may serve it; BlobUnknown otherwise (even if another has it). */
export async function statBlob(deps: RegistryDeps, repo: RepoRef, digest: string): Promise<BlobInfo> {
  parseDigestOrThrow(digest);
  const link = await deps.db.repositoryBlob.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest } }, include: { blob: true } });
  if (!link) throw new RegistryError("BlobUnknown", `Blob ${digest} is not in repository ${repo.name}.`, { digest });
  return { digest, size: Number(link.blob.size) };
}

/** Opens a blob that statBlob (or mountBlob) has shown this repository may serve. */
export function openBlob(deps: Pick<RegistryDeps, "blobs">, blob: BlobInfo, range?: { start: number; end: number }): Promise<OpenedBlob> {
  return deps.blobs.open(blobKey(parseDigestOrThrow(blob.digest)), range);
}

/**
 * Cross-repository mount: makes a blob of `fromName` (same account only) available in `repo`
 * without uploading it again. Returns null when it cannot (the client then uploads normally).
 */
export async function mountBlob(deps: RegistryDeps, repo: RepoRef, digest: string, fromName: string): Promise<BlobInfo | null> {
  parseDigestOrThrow(digest);
  const from = await deps.db.repository.findUnique({ where: { accountId_name: { accountId: repo.accountId, name: fromName } }, select: { id: true } });
  if (!from) return null;
  const link = await deps.db.repositoryBlob.findUnique({ where: { repositoryId_digest: { repositoryId: from.id, digest } }, include: { blob: true } });
  if (!link) return null;
  const size = Number(link.blob.size);
  await assertWithinStorageQuota(deps, repo, digest, size);
  await linkBlob(deps, repo, digest, size);
  return { digest, size };
}

/** DELETE …/blobs/<digest>: the repository stops serving it; bytes go at garbage collection. */
export async function unlinkBlob(deps: RegistryDeps, repo: RepoRef, digest: string): Promise<void> {
  await statBlob(deps, repo, digest);
  await deps.db.repositoryBlob.delete({ where: { repositoryId_digest: { repositoryId: repo.id, digest } } });
}
