// registry:fsck — verifies every stored blob against its digest and size, and every reference
// between manifests, tags and blobs. Reports problems; changes nothing.
import type { Deps } from "../core/deps";
import { newHasher, parseDigest } from "./digest";
import { blobKey } from "./layout";

export type FsckProblem = { kind: "missing-file" | "size-mismatch" | "digest-mismatch" | "orphan-file" | "dangling-reference" | "dangling-tag"; subject: string; detail: string };
export type FsckReport = { blobsChecked: number; bytesVerified: number; manifestsChecked: number; tagsChecked: number; problems: FsckProblem[] };

type FsckDeps = Pick<Deps, "db" | "blobs">;

export async function checkRegistry(deps: FsckDeps, onProgress?: (done: number, total: number) => void): Promise<FsckReport> {
  const problems: FsckProblem[] = [];
  const blobs = await deps.db.blob.findMany({ select: { digest: true, size: true }, orderBy: { digest: "asc" } });
  let bytesVerified = 0;
  const knownKeys = new Set<string>();
  for (const [i, blob] of blobs.entries()) {
    onProgress?.(i, blobs.length);
    const parsed = parseDigest(blob.digest);
    if (!parsed) {
      problems.push({ kind: "digest-mismatch", subject: blob.digest, detail: "unsupported digest recorded" });
      continue;
    }
    const key = blobKey(parsed);
    knownKeys.add(key);
    const stat = await deps.blobs.stat(key);
    if (!stat) {
      problems.push({ kind: "missing-file", subject: blob.digest, detail: `no file at ${key}` });
      continue;
    }
    if (stat.size !== Number(blob.size)) problems.push({ kind: "size-mismatch", subject: blob.digest, detail: `recorded ${blob.size} bytes, file has ${stat.size}` });
    const hash = newHasher(parsed.algorithm);
    for await (const chunk of await deps.blobs.read(key)) hash.update(chunk as Buffer);
    const actual = `${parsed.algorithm}:${hash.digest("hex")}`;
    if (actual !== blob.digest) problems.push({ kind: "digest-mismatch", subject: blob.digest, detail: `content hashes to ${actual}` });
    bytesVerified += stat.size;
  }
  onProgress?.(blobs.length, blobs.length);

  for (const key of await deps.blobs.list("blobs")) {
    if (!knownKeys.has(key)) problems.push({ kind: "orphan-file", subject: key, detail: "file without a database record (collected by registry:gc after the grace period only if recorded; remove by hand)" });
  }

  const manifests = await deps.db.manifest.findMany({ include: { references: true, repository: { select: { name: true, accountId: true } } } });
  for (const m of manifests) {
    const where = `${m.repository.accountId}/${m.repository.name}@${m.digest}`;
    const linked = new Set((await deps.db.repositoryBlob.findMany({ where: { repositoryId: m.repositoryId }, select: { digest: true } })).map((l) => l.digest));
    if (!linked.has(m.digest)) problems.push({ kind: "dangling-reference", subject: where, detail: "manifest bytes are not linked to the repository" });
    for (const r of m.references) {
      if (r.kind === "subject") continue;
      if (r.kind === "manifest") {
        const child = await deps.db.manifest.findUnique({ where: { repositoryId_digest: { repositoryId: m.repositoryId, digest: r.digest } }, select: { id: true } });
        if (!child) problems.push({ kind: "dangling-reference", subject: where, detail: `child manifest ${r.digest} is missing` });
      } else if (!linked.has(r.digest)) {
        problems.push({ kind: "dangling-reference", subject: where, detail: `${r.kind} ${r.digest} is not linked to the repository` });
      }
    }
  }

  const tags = await deps.db.tag.findMany({ include: { repository: { select: { name: true, accountId: true } } } });
  for (const t of tags) {
    const exists = await deps.db.manifest.findUnique({ where: { repositoryId_digest: { repositoryId: t.repositoryId, digest: t.manifestDigest } }, select: { id: true } });
    if (!exists) problems.push({ kind: "dangling-tag", subject: `${t.repository.accountId}/${t.repository.name}:${t.name}`, detail: `points at missing ${t.manifestDigest}` });
  }
  return { blobsChecked: blobs.length, bytesVerified, manifestsChecked: manifests.length, tagsChecked: tags.length, problems };
}
