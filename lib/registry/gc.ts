// Garbage collection of registry bytes (mark and sweep with a grace period).
//
// 1. Prune links: a repository stops serving a blob that none of its manifests uses, once the
//    link is older than the grace period (fresh uploads wait for their manifest).
// 2. Sweep: a blob no repository links, older than the grace period, is deleted.
//
// Safe against concurrent pushes: the sweep first renames the file to a trash key, then deletes
// the database row only if still unlinked (one conditional statement); if a push linked the blob
// in between, the file is put back. Pushes always (re)move their upload into place after linking,
// so either way the bytes of a linked blob exist. @see lib/registry/commit-blob.ts
import type { Deps } from "../core/deps";
import { parseDigest } from "./digest";
import { blobKey } from "./layout";
import { purgeStaleUploads } from "./uploads";

export type GcOptions = { graceMs: number; dryRun?: boolean };
export type GcReport = { linksPruned: number; blobsDeleted: number; bytesFreed: number; uploadsPurged: number; dryRun: boolean };

type GcDeps = Pick<Deps, "db" | "clock" | "blobs" | "ids" | "config">;

export async function collectGarbage(deps: GcDeps, options: GcOptions): Promise<GcReport> {
  const cutoff = new Date(deps.clock.now().getTime() - options.graceMs);
  const dryRun = options.dryRun ?? false;

  // Mark: per repository, every digest its manifests use (their own bytes, configs, layers, children).
  const unreferencedLinks = await deps.db.$queryRaw<{ repositoryId: string; digest: string }[]>`
    SELECT rb.repositoryId, rb.digest FROM RepositoryBlob rb
    WHERE rb.createdAt < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM Manifest m WHERE m.repositoryId = rb.repositoryId AND m.digest = rb.digest)
      AND NOT EXISTS (SELECT 1 FROM ManifestReference r JOIN Manifest m ON m.id = r.manifestId
                      WHERE m.repositoryId = rb.repositoryId AND r.digest = rb.digest AND r.kind != 'subject')`;
  if (!dryRun) {
    for (const link of unreferencedLinks) {
      await deps.db.repositoryBlob.deleteMany({ where: { repositoryId: link.repositoryId, digest: link.digest, createdAt: { lt: cutoff } } });
    }
  }

  // Sweep: blobs nobody links any more.
  const orphans = await deps.db.blob.findMany({ where: { createdAt: { lt: cutoff }, links: { none: {} } }, select: { digest: true, size: true } });
  let blobsDeleted = 0;
  let bytesFreed = 0;
  for (const blob of dryRun ? [] : orphans) {
    const parsed = parseDigest(blob.digest);
    if (!parsed) continue;
    const key = blobKey(parsed);
    const trash = `trash/${deps.ids.id()}`;
    const hadFile = (await deps.blobs.stat(key)) !== null;
    if (hadFile) await deps.blobs.move(key, trash);
    const deleted = await deps.db.$executeRaw`DELETE FROM Blob WHERE digest = ${blob.digest} AND NOT EXISTS (SELECT 1 FROM RepositoryBlob WHERE digest = ${blob.digest})`;
    if (deleted) {
      if (hadFile) await deps.blobs.delete(trash);
      blobsDeleted++;
      bytesFreed += Number(blob.size);
    } else if (hadFile && !(await deps.blobs.stat(key))) {
      await deps.blobs.move(trash, key); // linked meanwhile: put the bytes back
    } else if (hadFile) {
      await deps.blobs.delete(trash); // a push already put identical bytes back in place
    }
  }

  const uploadsPurged = dryRun ? 0 : await purgeStaleUploads(deps, new Date(deps.clock.now().getTime() - deps.config.registry.uploadExpiryMs));
  return {
    linksPruned: unreferencedLinks.length,
    blobsDeleted: dryRun ? orphans.length : blobsDeleted,
    bytesFreed: dryRun ? orphans.reduce((s, b) => s + Number(b.size), 0) : bytesFreed,
    uploadsPurged,
    dryRun,
  };
}
