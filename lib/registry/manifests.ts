// Manifests, tags and referrers of a repository.
import type { Descriptor } from "./manifest-schema";
import { isNonDistributable, MAX_MANIFEST_BYTES, MEDIA_TYPES, parseManifest, type ParsedManifest } from "./manifest-schema";
import { RegistryError } from "./errors";
import { digestOf, parseDigest } from "./digest";
import { blobKey } from "./layout";
import { isValidTag } from "./names";
import { linkBlob, assertWithinStorageQuota, type RegistryDeps, type RepoRef } from "./commit-blob";
import { immutableTagMessage, isTagImmutable, tagMutabilityOf } from "./tag-mutability";

export type StoredManifest = { digest: string; mediaType: string; bytes: Buffer; subjectDigest: string | null };

function referenceKind(reference: string): "digest" | "tag" {
  if (parseDigest(reference)) return "digest";
  if (isValidTag(reference)) return "tag";
  if (reference.includes(":")) throw new RegistryError("DigestInvalid", `"${reference}" is not a supported digest.`, { reference });
  throw new RegistryError("ManifestInvalid", `"${reference}" is neither a valid tag nor a digest.`, { reference });
}

/** Checks that everything the manifest points at is available in this repository. */
async function assertReferencesExist(deps: RegistryDeps, repo: RepoRef, manifest: ParsedManifest): Promise<void> {
  if (manifest.kind === "image") {
    const wanted = [manifest.config, ...manifest.layers].filter((d) => !isNonDistributable(d)).map((d) => d.digest);
    const have = new Set((await deps.db.repositoryBlob.findMany({ where: { repositoryId: repo.id, digest: { in: wanted } }, select: { digest: true } })).map((r) => r.digest));
    const missing = [...new Set(wanted.filter((d) => !have.has(d)))];
    if (missing.length) throw new RegistryError("ManifestBlobUnknown", `The manifest references blobs that were not uploaded to ${repo.name}: ${missing.join(", ")}.`, { missing });
  } else {
    const wanted = manifest.manifests.map((d) => d.digest);
    const have = new Set((await deps.db.manifest.findMany({ where: { repositoryId: repo.id, digest: { in: wanted } }, select: { digest: true } })).map((r) => r.digest));
    const missing = [...new Set(wanted.filter((d) => !have.has(d)))];
    if (missing.length) throw new RegistryError("ManifestBlobUnknown", `The index references manifests that are not in ${repo.name}: ${missing.join(", ")}. Push each platform's manifest first.`, { missing });
  }
}

async function imageSizeOf(deps: RegistryDeps, repo: RepoRef, manifest: ParsedManifest): Promise<bigint> {
  if (manifest.kind === "image") return BigInt([manifest.config, ...manifest.layers].reduce((sum, d) => sum + d.size, 0));
  const children = await deps.db.manifest.findMany({ where: { repositoryId: repo.id, digest: { in: manifest.manifests.map((d) => d.digest) } }, select: { imageSize: true } });
  return children.reduce((max, c) => (c.imageSize > max ? c.imageSize : max), 0n);
}

function referencesOf(manifest: ParsedManifest): { digest: string; kind: string; position: number }[] {
  const list: { digest: string; kind: string }[] =
    manifest.kind === "image" ? [{ digest: manifest.config.digest, kind: "config" }, ...manifest.layers.map((l) => ({ digest: l.digest, kind: "layer" }))] : manifest.manifests.map((m) => ({ digest: m.digest, kind: "manifest" }));
  if (manifest.subject) list.push({ digest: manifest.subject.digest, kind: "subject" });
  return list.map((r, position) => ({ ...r, position }));
}

/**
 * Stores a manifest under a tag or its digest. Checks size, JSON shape, media type and that every
 * referenced blob or child manifest is present. Returns the digest and the subject (if any).
 */
export async function putManifest(deps: RegistryDeps, repo: RepoRef, reference: string, bytes: Buffer, contentType: string | null): Promise<{ digest: string; subjectDigest: string | null }> {
  if (bytes.length > MAX_MANIFEST_BYTES) throw new RegistryError("ManifestInvalid", `The manifest is ${bytes.length} bytes; the limit is ${MAX_MANIFEST_BYTES} (4 MiB).`, { size: bytes.length });
  const kind = referenceKind(reference);
  const parsed = parseManifest(bytes, contentType);
  if ("problem" in parsed) throw new RegistryError("ManifestInvalid", parsed.problem);
  const expected = kind === "digest" ? parseDigest(reference)! : null;
  const digest = digestOf(bytes, expected?.algorithm ?? "sha256");
  if (expected && digest !== reference) throw new RegistryError("DigestInvalid", `The manifest's digest is ${digest}, not ${reference}.`, { expected: reference, actual: digest });
  await assertReferencesExist(deps, repo, parsed);

  // Manifest bytes are a blob too. Link first, then write (see gc.ts for why this order is safe).
  await assertWithinStorageQuota(deps, repo, digest, bytes.length);
  await linkBlob(deps, repo, digest, bytes.length);
  await deps.blobs.put(blobKey(parseDigest(digest)!), bytes);

  const now = deps.clock.now();
  const imageSize = await imageSizeOf(deps, repo, parsed);
  const subjectDigest = parsed.subject?.digest ?? null;
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.manifest.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest } }, select: { id: true } });
    if (!existing) {
      const id = deps.ids.id();
      await tx.manifest.create({
        data: {
          id,
          repositoryId: repo.id,
          digest,
          mediaType: parsed.mediaType,
          artifactType: parsed.artifactType ?? (parsed.kind === "image" && parsed.subject ? parsed.config.mediaType : null),
          subjectDigest,
          size: BigInt(bytes.length),
          imageSize,
          annotations: parsed.annotations ? JSON.stringify(parsed.annotations) : null,
          pushedAt: now,
        },
      });
      await tx.manifestReference.createMany({ data: referencesOf(parsed).map((r) => ({ ...r, manifestId: id })) });
    }
    if (kind === "tag") {
      const current = await tx.tag.findUnique({ where: { repositoryId_name: { repositoryId: repo.id, name: reference } }, select: { manifestDigest: true } });
      if (current && current.manifestDigest !== digest) {
        const settings = await tx.repository.findUniqueOrThrow({ where: { id: repo.id }, select: { imageTagMutability: true, tagMutabilityExclusions: true } });
        const { mutability, filters } = tagMutabilityOf(settings);
        if (isTagImmutable(mutability, filters, reference)) throw new RegistryError("TagInvalid", immutableTagMessage(reference, repo.name), { tag: reference });
      }
      await tx.tag.upsert({
        where: { repositoryId_name: { repositoryId: repo.id, name: reference } },
        create: { repositoryId: repo.id, name: reference, manifestDigest: digest, updatedAt: now },
        update: { manifestDigest: digest, updatedAt: now },
      });
    }
  });
  return { digest, subjectDigest };
}

async function resolveDigest(deps: RegistryDeps, repo: RepoRef, reference: string): Promise<string> {
  if (referenceKind(reference) === "digest") return reference;
  const tag = await deps.db.tag.findUnique({ where: { repositoryId_name: { repositoryId: repo.id, name: reference } } });
  if (!tag) throw new RegistryError("ManifestUnknown", `No image tagged '${reference}' in ${repo.name}.`, { reference });
  return tag.manifestDigest;
}

/** Finds a manifest by tag or digest. */
export async function getManifest(deps: RegistryDeps, repo: RepoRef, reference: string): Promise<StoredManifest> {
  const digest = await resolveDigest(deps, repo, reference);
  const row = await deps.db.manifest.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest } } });
  if (!row) throw new RegistryError("ManifestUnknown", `No image with digest ${digest} in ${repo.name}.`, { reference });
  const bytes = await deps.blobs.get(blobKey(parseDigest(digest)!));
  return { digest, mediaType: row.mediaType, bytes, subjectDigest: row.subjectDigest };
}

/** Records a pull (manifest GET, not HEAD) as the image's last-pull time. */
export async function recordPull(deps: RegistryDeps, repo: RepoRef, digest: string): Promise<void> {
  await deps.db.manifest.updateMany({ where: { repositoryId: repo.id, digest }, data: { lastPulledAt: deps.clock.now() } });
}

/** By digest: deletes the image and every tag on it. By tag: removes only that tag. */
export async function deleteManifest(deps: RegistryDeps, repo: RepoRef, reference: string): Promise<void> {
  if (referenceKind(reference) === "tag") {
    const { count } = await deps.db.tag.deleteMany({ where: { repositoryId: repo.id, name: reference } });
    if (!count) throw new RegistryError("ManifestUnknown", `No image tagged '${reference}' in ${repo.name}.`, { reference });
    return;
  }
  const row = await deps.db.manifest.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest: reference } } });
  if (!row) throw new RegistryError("ManifestUnknown", `No image with digest ${reference} in ${repo.name}.`, { reference });
  await deps.db.$transaction([deps.db.tag.deleteMany({ where: { repositoryId: repo.id, manifestDigest: reference } }), deps.db.manifest.delete({ where: { id: row.id } })]);
}

/** Tags in lexical order, `n` at a time after `last` (OCI tag-list pagination). */
export async function listTags(deps: RegistryDeps, repo: RepoRef, options: { n?: number; last?: string } = {}): Promise<{ tags: string[]; more: boolean }> {
  const take = options.n === undefined ? undefined : options.n + 1;
  const rows = await deps.db.tag.findMany({
    where: { repositoryId: repo.id, ...(options.last ? { name: { gt: options.last } } : {}) },
    orderBy: { name: "asc" },
    select: { name: true },
    ...(take !== undefined ? { take } : {}),
  });
  const tags = rows.map((r) => r.name);
  if (options.n !== undefined && tags.length > options.n) return { tags: tags.slice(0, options.n), more: true };
  return { tags, more: false };
}

/** The OCI referrers index for `digest`: manifests whose subject it is, optionally by artifactType. */
export async function listReferrers(deps: RegistryDeps, repo: RepoRef, digest: string, artifactType?: string): Promise<{ mediaType: string; schemaVersion: 2; manifests: Descriptor[] }> {
  if (!parseDigest(digest)) throw new RegistryError("DigestInvalid", `"${digest}" is not a supported digest.`, { digest });
  const rows = await deps.db.manifest.findMany({
    where: { repositoryId: repo.id, subjectDigest: digest, ...(artifactType ? { artifactType } : {}) },
    orderBy: { pushedAt: "asc" },
  });
  return {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: rows.map((r) => ({
      mediaType: r.mediaType,
      digest: r.digest,
      size: Number(r.size),
      ...(r.artifactType ? { artifactType: r.artifactType } : {}),
      ...(r.annotations ? { annotations: JSON.parse(r.annotations) as Record<string, string> } : {}),
    })),
  };
}

export type ImageSummary = { digest: string; mediaType: string; tags: string[]; sizeBytes: bigint; pushedAt: Date; lastPulledAt: Date | null; artifactType: string | null };

/** Images of a repository, newest first, with their tags (for the console). */
export async function listImages(deps: RegistryDeps, repo: RepoRef): Promise<ImageSummary[]> {
  const [manifests, tags] = await Promise.all([
    deps.db.manifest.findMany({ where: { repositoryId: repo.id }, orderBy: { pushedAt: "desc" } }),
    deps.db.tag.findMany({ where: { repositoryId: repo.id }, orderBy: { name: "asc" } }),
  ]);
  const byDigest = new Map<string, string[]>();
  for (const t of tags) byDigest.set(t.manifestDigest, [...(byDigest.get(t.manifestDigest) ?? []), t.name]);
  return manifests.map((m) => ({ digest: m.digest, mediaType: m.mediaType, tags: byDigest.get(m.digest) ?? [], sizeBytes: m.imageSize, pushedAt: m.pushedAt, lastPulledAt: m.lastPulledAt, artifactType: m.artifactType }));
}
