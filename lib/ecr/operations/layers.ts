// The API-side push and pull of layers: BatchCheckLayerAvailability, InitiateLayerUpload,
// UploadLayerPart, CompleteLayerUpload, GetDownloadUrlForLayer (ecr-spec §3.4, §4.5). They share
// the registry core's upload sessions and blob store with the /v2/ face.
import { z } from "zod";
import { parseDigest } from "../../registry/digest";
import { statBlob } from "../../registry/blobs";
import { completeUpload, getUploadStatus, startUpload, appendUpload } from "../../registry/uploads";
import { isRegistryError } from "../../registry/errors";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { toEcrError, viaRegistry } from "../from-registry-error";
import { parseInput, RegistryIdSchema, RepositoryNameSchema } from "../input";
import { requireRepository } from "../repository-record";

/** What InitiateLayerUpload advertises: the quota table's part size (10 MiB) [D]. */
export const LAYER_PART_SIZE = 10 * 1024 * 1024;
/** The API model's largest layerPartBlob. */
export const MAX_LAYER_PART_BYTES = 20_971_520;

const LayerDigests = z.array(z.string().max(1000)).min(1).max(100);

export async function batchCheckLayerAvailability(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema, layerDigests: LayerDigests }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:BatchCheckLayerAvailability", repo.name);
  const layers = [];
  const failures = [];
  for (const digest of req.layerDigests) {
    if (!digest) {
      failures.push({ layerDigest: digest, failureCode: "MissingLayerDigest", failureReason: "The layer digest is empty" });
      continue;
    }
    if (!parseDigest(digest)) {
      failures.push({ layerDigest: digest, failureCode: "InvalidLayerDigest", failureReason: `Invalid layer digest: '${digest}'` });
      continue;
    }
    try {
      const blob = await statBlob(ctx.deps, { ...repo }, digest);
      layers.push({ layerDigest: digest, layerAvailability: "AVAILABLE", layerSize: blob.size });
    } catch (error) {
      if (!isRegistryError(error, "BlobUnknown")) throw error;
      layers.push({ layerDigest: digest, layerAvailability: "UNAVAILABLE" });
    }
  }
  return { layers, failures };
}

export async function initiateLayerUpload(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:InitiateLayerUpload", repo.name);
  const upload = await viaRegistry(() => startUpload(ctx.deps, { ...repo }));
  return { uploadId: upload.id, partSize: LAYER_PART_SIZE };
}

const UploadLayerPartInput = z.strictObject({
  registryId: RegistryIdSchema.optional(),
  repositoryName: RepositoryNameSchema,
  uploadId: z.string().min(1).max(200),
  partFirstByte: z.number().int().min(0),
  partLastByte: z.number().int().min(0),
  layerPartBlob: z.string().max(Math.ceil(MAX_LAYER_PART_BYTES / 3) * 4 + 4),
});

function uploadNotFound(uploadId: string, repositoryName: string, accountId: string): EcrError {
  return new EcrError("UploadNotFoundException", `The upload with id '${uploadId}' does not exist in the repository with name '${repositoryName}' in the registry with id '${accountId}'`);
}

/** [A] Part sizes are not enforced (LayerPartTooSmallException is never raised): learners push tiny layers. */
export async function uploadLayerPart(ctx: EcrContext, input: unknown) {
  const req = parseInput(UploadLayerPartInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:UploadLayerPart", repo.name);
  const bytes = Buffer.from(req.layerPartBlob, "base64");
  const status = await getUploadStatus(ctx.deps, { ...repo }, req.uploadId).catch((error: unknown) => {
    throw isRegistryError(error, "UploadUnknown") ? uploadNotFound(req.uploadId, repo.name, ctx.accountId) : toEcrError(error);
  });
  const invalidPart = (message: string) =>
    new EcrError("InvalidLayerPartException", message, { registryId: ctx.accountId, repositoryName: repo.name, uploadId: req.uploadId, lastValidByteReceived: status.offset - 1 });
  if (req.partFirstByte !== status.offset) throw invalidPart(`The part starts at byte ${req.partFirstByte}, but the upload has ${status.offset} bytes: send the part that starts at ${status.offset}.`);
  if (req.partLastByte - req.partFirstByte + 1 !== bytes.length) throw invalidPart(`partFirstByte..partLastByte spans ${req.partLastByte - req.partFirstByte + 1} bytes, but layerPartBlob holds ${bytes.length}.`);
  const after = await viaRegistry(() => appendUpload(ctx.deps, { ...repo }, req.uploadId, (async function* () { yield bytes; })(), { start: req.partFirstByte, end: req.partLastByte }));
  return { registryId: ctx.accountId, repositoryName: repo.name, uploadId: req.uploadId, lastByteReceived: after.offset - 1 };
}

export async function completeLayerUpload(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema, uploadId: z.string().min(1).max(200), layerDigests: LayerDigests }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:CompleteLayerUpload", repo.name);
  const digest = req.layerDigests[0]!;
  if (!parseDigest(digest)) throw invalidParameter("layerDigests", `Invalid layer digest: '${digest}'`);
  const status = await getUploadStatus(ctx.deps, { ...repo }, req.uploadId).catch((error: unknown) => {
    throw isRegistryError(error, "UploadUnknown") ? uploadNotFound(req.uploadId, repo.name, ctx.accountId) : toEcrError(error);
  });
  if (status.offset === 0) throw new EcrError("EmptyUploadException", `The upload with id '${req.uploadId}' has no parts.`);
  const already = await ctx.deps.db.repositoryBlob.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest } } });
  if (already) throw new EcrError("LayerAlreadyExistsException", `The layer '${digest}' already exists in the repository with name '${repo.name}' in the registry with id '${ctx.accountId}'`);
  try {
    const blob = await completeUpload(ctx.deps, { ...repo }, req.uploadId, digest);
    return { registryId: ctx.accountId, repositoryName: repo.name, uploadId: req.uploadId, layerDigest: blob.digest };
  } catch (error) {
    if (isRegistryError(error, "DigestInvalid")) throw new EcrError("InvalidLayerException", `The uploaded bytes do not match the layer digest '${digest}'.`);
    throw toEcrError(error);
  }
}

/**
 * [A] ECR answers with a presigned S3 URL; the sandbox answers with its own /v2/ blob URL, which
 * takes the same registry login (Basic auth with a get-login-password token).
 */
export async function getDownloadUrlForLayer(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema, layerDigest: z.string().min(1).max(1000) }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:GetDownloadUrlForLayer", repo.name);
  if (!parseDigest(req.layerDigest)) throw invalidParameter("layerDigest", `Invalid layer digest: '${req.layerDigest}'`);
  const referenced = await ctx.deps.db.manifestReference.findFirst({ where: { digest: req.layerDigest, manifest: { repositoryId: repo.id } }, select: { digest: true } });
  if (!referenced) {
    const stored = await ctx.deps.db.repositoryBlob.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest: req.layerDigest } } });
    if (!stored) throw new EcrError("LayersNotFoundException", `The layer '${req.layerDigest}' does not exist in the repository with name '${repo.name}' in the registry with id '${ctx.accountId}'`);
    throw new EcrError("LayerInaccessibleException", `The layer '${req.layerDigest}' is not associated with any image in the repository.`);
  }
  const origin = ctx.origin ?? "http://localhost:3000";
  return { downloadUrl: `${origin}/v2/${repo.name}/blobs/${req.layerDigest}`, layerDigest: req.layerDigest };
}
