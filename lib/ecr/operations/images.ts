// ListImages, DescribeImages, BatchGetImage, BatchDeleteImage, PutImage (ecr-spec §3.3, §4.5).
import { z } from "zod";
import { parseManifest } from "../../registry/manifest-schema";
import { digestOf } from "../../registry/digest";
import { getManifest, putManifest, recordPull } from "../../registry/manifests";
import { isTagImmutable, tagMutabilityOf } from "../../registry/tag-mutability";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { toEcrError } from "../from-registry-error";
import { digestsReferencedByIndexes, imageNotFound, loadImages, lookupImage, scanSummaries, toImageDetail, type ImageRecord } from "../image-records";
import { scanOnPushIfConfigured } from "../scanning/scan-jobs";
import { decodeNextToken, ImageIdSchema, ImageTagSchema, MaxResultsSchema, NextTokenSchema, page, pageOfRows, parseInput, RegistryIdSchema, RepositoryNameSchema, type ImageId } from "../input";
import { requireRepository, type RepositoryRow } from "../repository-record";

const TagStatus = z.enum(["TAGGED", "UNTAGGED", "ANY"]);
const ImageStatus = z.enum(["ACTIVE", "ARCHIVED", "ACTIVATING", "ANY"]);

function byTagStatus(images: ImageRecord[], status: z.infer<typeof TagStatus> | undefined): ImageRecord[] {
  if (status === "TAGGED") return images.filter((i) => i.tags.length > 0);
  if (status === "UNTAGGED") return images.filter((i) => i.tags.length === 0);
  return images;
}

/** [A] No image is ever archived in the sandbox yet, so ARCHIVED/ACTIVATING filters match nothing. */
function byImageStatus(images: ImageRecord[], status: z.infer<typeof ImageStatus> | undefined): ImageRecord[] {
  return status === "ARCHIVED" || status === "ACTIVATING" ? [] : images;
}

const ListImagesInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  nextToken: NextTokenSchema.optional(),
  maxResults: MaxResultsSchema(1000).optional(),
  filter: z.strictObject({ tagStatus: TagStatus.optional(), imageStatus: ImageStatus.optional() }).optional(),
});

/** One entry per tag (each with the digest); an untagged image appears once, digest only. */
export async function listImages(ctx: EcrContext, input: unknown): Promise<{ imageIds: ImageId[]; nextToken?: string }> {
  const req = parseInput(ListImagesInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:ListImages", repo.name);
  const images = byImageStatus(byTagStatus(await loadImages(ctx, repo), req.filter?.tagStatus), req.filter?.imageStatus);
  const ids = images.flatMap((i) => (i.tags.length ? i.tags.map((t) => ({ imageDigest: i.digest, imageTag: t })) : [{ imageDigest: i.digest }]));
  const result = page(ids, req.nextToken, req.maxResults);
  return { imageIds: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
}

const DescribeImagesInput = z
  .strictObject({
    registryId: RegistryIdSchema.optional(),
    repositoryName: RepositoryNameSchema,
    imageIds: z.array(ImageIdSchema).min(1).max(100).optional(),
    nextToken: NextTokenSchema.optional(),
    maxResults: MaxResultsSchema(1000).optional(),
    filter: z.strictObject({ tagStatus: TagStatus.optional(), imageStatus: ImageStatus.optional() }).optional(),
  })
  .refine((r) => !(r.nextToken && r.imageIds), { message: "nextToken cannot be used with imageIds", path: ["nextToken"] });

export async function describeImages(ctx: EcrContext, input: unknown) {
  const req = parseInput(DescribeImagesInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:DescribeImages", repo.name);
  if (!req.imageIds && !req.filter?.tagStatus && !req.filter?.imageStatus) {
    // The common case pages in the database instead of loading every image.
    const start = decodeNextToken(req.nextToken);
    const size = req.maxResults ?? 100;
    const result = pageOfRows(await loadImages(ctx, repo, { skip: start, take: size + 1 }), start, size);
    const scans = await scanSummaries(ctx, result.items);
    return { imageDetails: result.items.map((i) => toImageDetail(ctx, repo, i, scans.get(i.manifestId))), ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
  }
  const all = await loadImages(ctx, repo);
  if (req.imageIds) {
    const found: ImageRecord[] = [];
    for (const id of req.imageIds) {
      const hit = lookupImage(all, id);
      if (!("image" in hit)) {
        if (hit.failureCode === "InvalidImageDigest" || hit.failureCode === "MissingDigestAndTag") throw invalidParameter("imageIds", hit.failureReason);
        throw imageNotFound(ctx, repo, id);
      }
      if (!found.includes(hit.image)) found.push(hit.image);
    }
    const scans = await scanSummaries(ctx, found);
    return { imageDetails: found.map((i) => toImageDetail(ctx, repo, i, scans.get(i.manifestId))) };
  }
  const images = byImageStatus(byTagStatus(all, req.filter?.tagStatus), req.filter?.imageStatus);
  const result = page(images, req.nextToken, req.maxResults);
  const scans = await scanSummaries(ctx, result.items);
  return { imageDetails: result.items.map((i) => toImageDetail(ctx, repo, i, scans.get(i.manifestId))), ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
}

const BatchGetImageInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  imageIds: z.array(ImageIdSchema).min(1).max(100),
  acceptedMediaTypes: z.array(z.string().min(1).max(255)).min(1).max(100).optional(),
});

/** Missing images go to `failures`, not an exception. [A] Manifests are returned as stored (no format conversion). */
export async function batchGetImage(ctx: EcrContext, input: unknown) {
  const req = parseInput(BatchGetImageInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:BatchGetImage", repo.name);
  const all = await loadImages(ctx, repo);
  const images = [];
  const failures = [];
  for (const id of req.imageIds) {
    const hit = lookupImage(all, id);
    if (!("image" in hit)) {
      failures.push({ imageId: id, failureCode: hit.failureCode, failureReason: hit.failureReason });
      continue;
    }
    const stored = await getManifest(ctx.deps, { ...repo }, hit.image.digest);
    await recordPull(ctx.deps, repo, hit.image.digest);
    images.push({
      registryId: ctx.accountId,
      repositoryName: repo.name,
      imageId: { imageDigest: hit.image.digest, ...(id.imageTag ? { imageTag: id.imageTag } : {}) },
      imageManifest: stored.bytes.toString("utf8"),
      imageManifestMediaType: stored.mediaType,
    });
  }
  return { images, failures };
}

const BatchDeleteImageInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  imageIds: z.array(ImageIdSchema).min(1).max(100),
});

/**
 * Deletes whole images by digest, or single tags by tag; removing an image's last tag deletes the
 * image. An image that an index in the repository still references cannot be deleted.
 */
export async function batchDeleteImage(ctx: EcrContext, input: unknown) {
  const req = parseInput(BatchDeleteImageInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:BatchDeleteImage", repo.name);
  const all = await loadImages(ctx, repo);
  const referenced = await digestsReferencedByIndexes(ctx, repo);
  const deleted: ImageId[] = [];
  const failures = [];
  for (const id of req.imageIds) {
    const hit = lookupImage(all, id);
    if (!("image" in hit)) {
      failures.push({ imageId: id, failureCode: hit.failureCode, failureReason: hit.failureReason });
      continue;
    }
    const image = hit.image;
    const untagOnly = id.imageTag !== undefined && !id.imageDigest && image.tags.length > 1;
    if (!untagOnly && referenced.has(image.digest)) {
      failures.push({ imageId: id, failureCode: "ImageReferencedByManifestList", failureReason: `Requested image is referenced by a manifest list: ${image.digest}` });
      continue;
    }
    if (untagOnly) {
      await ctx.deps.db.tag.delete({ where: { repositoryId_name: { repositoryId: repo.id, name: id.imageTag! } } });
      image.tags = image.tags.filter((t) => t !== id.imageTag);
      deleted.push({ imageDigest: image.digest, imageTag: id.imageTag! });
    } else {
      await deleteImage(ctx, repo, image);
      all.splice(all.indexOf(image), 1);
      deleted.push(...(image.tags.length ? image.tags.map((t) => ({ imageDigest: image.digest, imageTag: t })) : [{ imageDigest: image.digest }]));
    }
  }
  return { imageIds: deleted, failures };
}

/** Removes an image and all its tags; its blobs are left to garbage collection. */
export async function deleteImage(ctx: EcrContext, repo: RepositoryRow, image: Pick<ImageRecord, "digest" | "manifestId">): Promise<void> {
  const { db } = ctx.deps;
  await db.$transaction([db.tag.deleteMany({ where: { repositoryId: repo.id, manifestDigest: image.digest } }), db.manifest.deleteMany({ where: { id: image.manifestId } })]);
}

const PutImageInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  imageManifest: z.string().min(1).max(4194304),
  imageManifestMediaType: z.string().min(1).max(255).optional(),
  imageTag: ImageTagSchema.optional(),
  imageDigest: z.string().max(1000).optional(),
});

export async function putImage(ctx: EcrContext, input: unknown) {
  const req = parseInput(PutImageInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:PutImage", repo.name);
  const bytes = Buffer.from(req.imageManifest, "utf8");
  const parsed = parseManifest(bytes, req.imageManifestMediaType ?? null);
  if ("problem" in parsed) throw invalidParameter("imageManifest", parsed.problem);
  const digest = digestOf(bytes);
  if (req.imageDigest && req.imageDigest !== digest) throw new EcrError("ImageDigestDoesNotMatchException", `Invalid parameter at 'imageDigest' failed to satisfy constraint: 'The provided digest '${req.imageDigest}' does not match the digest of the manifest, '${digest}'`);

  const all = await loadImages(ctx, repo);
  const existing = all.find((i) => i.digest === digest);
  const tagHolder = req.imageTag ? all.find((i) => i.tags.includes(req.imageTag!)) : undefined;
  if (existing && (!req.imageTag || tagHolder === existing)) {
    throw new EcrError(
      "ImageAlreadyExistsException",
      `Image with digest '${digest}'${req.imageTag ? ` and tag '${req.imageTag}'` : ""} already exists in the repository with name '${repo.name}' in registry with id '${ctx.accountId}'`,
    );
  }
  if (req.imageTag && tagHolder) {
    const { mutability, filters } = tagMutabilityOf(repo);
    if (isTagImmutable(mutability, filters, req.imageTag)) {
      throw new EcrError("ImageTagAlreadyExistsException", `The image tag '${req.imageTag}' already exists in the '${repo.name}' repository and cannot be overwritten because the tag is immutable.`);
    }
  }
  try {
    await putManifest(ctx.deps, repo, req.imageTag ?? digest, bytes, req.imageManifestMediaType ?? null);
  } catch (error) {
    const mapped = toEcrError(error);
    if (mapped instanceof EcrError && mapped.type === "LayersNotFoundException" && parsed.kind === "index") throw new EcrError("ReferencedImagesNotFoundException", mapped.message);
    throw mapped;
  }
  await scanOnPushIfConfigured(ctx, repo, digest);
  return {
    image: {
      registryId: ctx.accountId,
      repositoryName: repo.name,
      imageId: { imageDigest: digest, ...(req.imageTag ? { imageTag: req.imageTag } : {}) },
      imageManifest: req.imageManifest,
      imageManifestMediaType: parsed.mediaType,
    },
  };
}
