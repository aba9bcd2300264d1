// Images of a repository as ECR describes them: one record per manifest with its tags.
import type { EcrContext } from "./context";
import { EcrError } from "./errors";
import type { ImageId } from "./input";
import type { RepositoryRow } from "./repository-record";
import { parseDigest } from "../registry/digest";
import { parseStoredFindings, severityCounts } from "./scanning/stored-findings";

export type ImageRecord = {
  manifestId: string;
  digest: string;
  mediaType: string;
  artifactType: string | null;
  subjectDigest: string | null;
  imageSize: bigint;
  pushedAt: Date;
  lastPulledAt: Date | null;
  tags: string[];
};

/** Every image of the repository, oldest push first (ties by digest), tags sorted. */
export async function loadImages(ctx: EcrContext, repo: RepositoryRow, window?: { skip: number; take: number }): Promise<ImageRecord[]> {
  const { db } = ctx.deps;
  const manifests = await db.manifest.findMany({
    where: { repositoryId: repo.id },
    orderBy: [{ pushedAt: "asc" }, { digest: "asc" }],
    select: { id: true, digest: true, mediaType: true, artifactType: true, subjectDigest: true, imageSize: true, pushedAt: true, lastPulledAt: true },
    ...(window ?? {}),
  });
  // A window needs only its images' tags; the whole list needs them all.
  const tags = await db.tag.findMany({
    where: { repositoryId: repo.id, ...(window ? { manifestDigest: { in: manifests.map((m) => m.digest) } } : {}) },
    orderBy: { name: "asc" },
    select: { name: true, manifestDigest: true },
  });
  const byDigest = new Map<string, string[]>();
  for (const t of tags) byDigest.set(t.manifestDigest, [...(byDigest.get(t.manifestDigest) ?? []), t.name]);
  return manifests.map((m) => ({
    manifestId: m.id,
    digest: m.digest,
    mediaType: m.mediaType,
    artifactType: m.artifactType,
    subjectDigest: m.subjectDigest,
    imageSize: m.imageSize,
    pushedAt: m.pushedAt,
    lastPulledAt: m.lastPulledAt,
    tags: byDigest.get(m.digest) ?? [],
  }));
}

/** Digests of images that an index (manifest list) in the repository still references. */
export async function digestsReferencedByIndexes(ctx: EcrContext, repo: RepositoryRow): Promise<Set<string>> {
  const refs = await ctx.deps.db.manifestReference.findMany({ where: { kind: "manifest", manifest: { repositoryId: repo.id } }, select: { digest: true } });
  return new Set(refs.map((r) => r.digest));
}

export type ImageLookup = { image: ImageRecord } | { failureCode: "InvalidImageDigest" | "InvalidImageTag" | "ImageTagDoesNotMatchDigest" | "ImageNotFound" | "MissingDigestAndTag"; failureReason: string };

/** Resolves one ImageIdentifier against the loaded images, the way BatchGetImage/BatchDeleteImage report failures. */
export function lookupImage(images: readonly ImageRecord[], id: ImageId): ImageLookup {
  if (!id.imageDigest && !id.imageTag) return { failureCode: "MissingDigestAndTag", failureReason: "Invalid request parameters: both tag and digest cannot be null" };
  if (id.imageDigest && !parseDigest(id.imageDigest)) return { failureCode: "InvalidImageDigest", failureReason: "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'" };
  const byTag = id.imageTag ? images.find((i) => i.tags.includes(id.imageTag!)) : undefined;
  const byDigest = id.imageDigest ? images.find((i) => i.digest === id.imageDigest) : undefined;
  if (id.imageTag && id.imageDigest) {
    if (!byTag || !byDigest) return { failureCode: "ImageNotFound", failureReason: "Requested image not found" };
    if (byTag !== byDigest) return { failureCode: "ImageTagDoesNotMatchDigest", failureReason: `Tag '${id.imageTag}' does not point to digest '${id.imageDigest}'` };
    return { image: byTag };
  }
  const image = byTag ?? byDigest;
  return image ? { image } : { failureCode: "ImageNotFound", failureReason: "Requested image not found" };
}

export function imageNotFound(ctx: EcrContext, repo: RepositoryRow, id: ImageId): EcrError {
  return new EcrError(
    "ImageNotFoundException",
    `The image with imageId {imageDigest:'${id.imageDigest ?? "null"}', imageTag:'${id.imageTag ?? "null"}'} does not exist within the repository with name '${repo.name}' in the registry with id '${ctx.accountId}'`,
  );
}

export type ScanSummary = { status: string; description: string | null; completedAt: Date | null; severityCounts: Record<string, number> };

export function toImageDetail(ctx: EcrContext, repo: RepositoryRow, image: ImageRecord, scan?: ScanSummary) {
  return {
    registryId: ctx.accountId,
    repositoryName: repo.name,
    imageDigest: image.digest,
    ...(image.tags.length ? { imageTags: image.tags } : {}),
    imageSizeInBytes: image.imageSize,
    imagePushedAt: image.pushedAt,
    imageManifestMediaType: image.mediaType,
    ...(image.artifactType ? { artifactMediaType: image.artifactType } : {}),
    ...(image.lastPulledAt ? { lastRecordedPullTime: image.lastPulledAt } : {}),
    ...(image.subjectDigest ? { subjectManifestDigest: image.subjectDigest } : {}),
    imageStatus: "ACTIVE" as const,
    ...(scan ? { imageScanStatus: { status: scan.status, ...(scan.description ? { description: scan.description } : {}) } } : {}),
    ...(scan?.status === "COMPLETE" && scan.completedAt ? { imageScanFindingsSummary: { imageScanCompletedAt: scan.completedAt, findingSeverityCounts: scan.severityCounts } } : {}),
  };
}

/** The scan state of each listed image (one query), for DescribeImages. */
export async function scanSummaries(ctx: EcrContext, images: readonly ImageRecord[]): Promise<Map<string, ScanSummary>> {
  const rows = await ctx.deps.db.imageScan.findMany({ where: { manifestId: { in: images.map((i) => i.manifestId) } }, select: { manifestId: true, status: true, description: true, completedAt: true, findings: true } });
  const out = new Map<string, ScanSummary>();
  for (const r of rows) {
    const counts = r.status === "COMPLETE" ? severityCounts(parseStoredFindings(r.findings)) : {};
    out.set(r.manifestId, { status: r.status, description: r.description, completedAt: r.completedAt, severityCounts: counts });
  }
  return out;
}
