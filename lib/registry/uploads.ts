// Blob uploads (OCI Distribution "push"): monolithic, chunked and resumable. Bytes stream straight
// into the blob store while being hashed; nothing is buffered whole in memory.
import type { Hash } from "node:crypto";
import { RegistryError } from "./errors";
import { newHasher, parseDigestOrThrow, type ParsedDigest } from "./digest";
import { uploadKey } from "./layout";
import { commitBlob, type RegistryDeps, type RepoRef } from "./commit-blob";

export type UploadStatus = { id: string; offset: number };

/**
 * Running hash of each upload this process is receiving, so completing an upload does not need
 * to read it back. Node cannot serialise a hash state, so after a restart (or an interrupted
 * chunk) completeUpload re-reads the file instead: slower, never wrong.
 */
const liveHashes = new Map<string, { hash: Hash; offset: number }>();
/** Uploads with a request in flight; a second concurrent chunk is refused rather than interleaved. */
const busy = new Set<string>();

async function getSessionOrThrow(deps: RegistryDeps, repo: RepoRef, uploadId: string) {
  const session = await deps.db.uploadSession.findFirst({ where: { id: uploadId, repositoryId: repo.id } });
  if (!session) throw new RegistryError("UploadUnknown", `Upload ${uploadId} is unknown in repository ${repo.name}: it finished, was cancelled or expired.`, { uploadId });
  return session;
}

/** Wraps a body so it fails as soon as the upload would exceed the per-upload size limit. */
async function* limited(body: AsyncIterable<Uint8Array>, already: number, max: number): AsyncIterable<Uint8Array> {
  let total = already;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) throw new RegistryError("Denied", `Upload size limit exceeded: a single blob may be at most ${Math.floor(max / 1024 / 1024)} MiB.`, { quota: "upload" });
    yield chunk;
  }
}

export async function startUpload(deps: RegistryDeps, repo: RepoRef): Promise<UploadStatus> {
  const id = deps.ids.id();
  const now = deps.clock.now();
  await deps.db.uploadSession.create({ data: { id, repositoryId: repo.id, offset: 0n, startedAt: now, updatedAt: now } });
  await deps.blobs.append(uploadKey(id), (async function* () {})());
  liveHashes.set(id, { hash: newHasher("sha256"), offset: 0 });
  return { id, offset: 0 };
}

/**
 * Where the client should resume. The stored file is the truth: if the process died mid-chunk,
 * the database's offset may lag the bytes already on disk, and appendUpload checks against the file.
 */
export async function getUploadStatus(deps: RegistryDeps, repo: RepoRef, uploadId: string): Promise<UploadStatus> {
  await getSessionOrThrow(deps, repo, uploadId);
  return { id: uploadId, offset: (await deps.blobs.stat(uploadKey(uploadId)))?.size ?? 0 };
}

/**
 * Appends a chunk. With a Content-Range it must start exactly at the current offset (else
 * RangeInvalid, HTTP 416, with the offset to resume from).
 */
export async function appendUpload(deps: RegistryDeps, repo: RepoRef, uploadId: string, body: AsyncIterable<Uint8Array>, range?: { start: number; end: number } | null): Promise<UploadStatus> {
  const session = await getSessionOrThrow(deps, repo, uploadId);
  if (busy.has(uploadId)) throw new RegistryError("RangeInvalid", "Another chunk of this upload is still being received.", { offset: Number(session.offset) });
  busy.add(uploadId);
  const key = uploadKey(uploadId);
  try {
    const fileSize = (await deps.blobs.stat(key))?.size ?? 0;
    if (range && range.start !== fileSize) {
      throw new RegistryError("RangeInvalid", `Chunk starts at byte ${range.start}, but the upload has ${fileSize} bytes: send the chunk that starts at ${fileSize}.`, { offset: fileSize });
    }
    const live = liveHashes.get(uploadId);
    const hashing = live && live.offset === fileSize ? live : null;
    if (!hashing) liveHashes.delete(uploadId);
    let offset = fileSize;
    try {
      offset += await deps.blobs.append(key, limited(body, fileSize, deps.config.registry.maxUploadBytes), hashing ? (c) => hashing.hash.update(c) : undefined);
      if (hashing) hashing.offset = offset;
    } catch (error) {
      liveHashes.delete(uploadId); // the file may hold part of the chunk: re-hash on completion
      offset = (await deps.blobs.stat(key))?.size ?? 0;
      throw error;
    } finally {
      await deps.db.uploadSession.update({ where: { id: uploadId }, data: { offset: BigInt(offset), updatedAt: deps.clock.now() } });
    }
    if (range && offset !== range.end + 1) {
      throw new RegistryError("SizeInvalid", `Content-Range promised bytes ${range.start}-${range.end}, but ${offset - range.start} arrived.`, { offset });
    }
    return { id: uploadId, offset };
  } finally {
    busy.delete(uploadId);
  }
}

async function hashStored(deps: RegistryDeps, key: string, digest: ParsedDigest): Promise<string> {
  const hash = newHasher(digest.algorithm);
  for await (const chunk of await deps.blobs.read(key)) hash.update(chunk as Buffer);
  return `${digest.algorithm}:${hash.digest("hex")}`;
}

/** Finishes an upload (optionally with a last chunk), verifies the digest, stores the blob. */
export async function completeUpload(deps: RegistryDeps, repo: RepoRef, uploadId: string, digestParam: string | null, lastChunk?: AsyncIterable<Uint8Array>): Promise<{ digest: string; size: number }> {
  const expected = parseDigestOrThrow(digestParam);
  await getSessionOrThrow(deps, repo, uploadId);
  if (lastChunk) await appendUpload(deps, repo, uploadId, lastChunk);
  const key = uploadKey(uploadId);
  const size = (await deps.blobs.stat(key))?.size ?? 0;
  const live = liveHashes.get(uploadId);
  const actual = live && live.offset === size && expected.algorithm === "sha256" ? `sha256:${live.hash.digest("hex")}` : await hashStored(deps, key, expected);
  liveHashes.delete(uploadId);
  await deps.db.uploadSession.delete({ where: { id: uploadId } });
  return commitBlob(deps, repo, key, expected, actual, size);
}

export async function cancelUpload(deps: RegistryDeps, repo: RepoRef, uploadId: string): Promise<void> {
  await getSessionOrThrow(deps, repo, uploadId);
  liveHashes.delete(uploadId);
  await deps.db.uploadSession.delete({ where: { id: uploadId } });
  await deps.blobs.delete(uploadKey(uploadId));
}

/** POST …/blobs/uploads/?digest=…: the whole blob in one request. */
export async function uploadMonolithic(deps: RegistryDeps, repo: RepoRef, digestParam: string | null, body: AsyncIterable<Uint8Array>): Promise<{ digest: string; size: number }> {
  const expected = parseDigestOrThrow(digestParam);
  const key = uploadKey(`mono-${deps.ids.id()}`);
  const hash = newHasher(expected.algorithm);
  let size: number;
  try {
    size = await deps.blobs.append(key, limited(body, 0, deps.config.registry.maxUploadBytes), (c) => hash.update(c));
  } catch (error) {
    await deps.blobs.delete(key);
    throw error;
  }
  return commitBlob(deps, repo, key, expected, `${expected.algorithm}:${hash.digest("hex")}`, size);
}

/** Removes uploads idle for longer than the expiry; returns how many. */
export async function purgeStaleUploads(deps: RegistryDeps, olderThan: Date): Promise<number> {
  const stale = await deps.db.uploadSession.findMany({ where: { updatedAt: { lt: olderThan } }, select: { id: true } });
  for (const { id } of stale) {
    liveHashes.delete(id);
    await deps.blobs.delete(uploadKey(id));
  }
  await deps.db.uploadSession.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  return stale.length;
}
