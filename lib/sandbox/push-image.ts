// Pushes a built image into a repository the way a client's push does, through the registry's own
// functions: every blob through a monolithic upload (digest verified, storage quota counted,
// linked to the repository), platform manifests by digest, then the top manifest under its tag,
// then scan on push if the repository or a registry rule asks for it. Pushing the same bytes
// again changes nothing.
import type { EcrContext } from "../ecr/context";
import { toEcrError } from "../ecr/from-registry-error";
import type { RepositoryRow } from "../ecr/repository-record";
import { scanOnPushIfConfigured } from "../ecr/scanning/scan-jobs";
import { MEDIA_TYPES } from "../registry/manifest-schema";
import { putManifest } from "../registry/manifests";
import { uploadMonolithic } from "../registry/uploads";
import type { OciBlob, OciImage } from "./oci-image";

/** A built image: one platform image, or several under an index (`top` is what the tag names). */
export type BuiltImage = { images: readonly OciImage[]; top: OciBlob };

async function* once(bytes: Buffer): AsyncIterable<Uint8Array> {
  yield bytes;
}

async function pushPlatformImage(ctx: EcrContext, repo: RepositoryRow, image: OciImage, reference: string): Promise<void> {
  for (const b of [image.config, ...image.layers]) await uploadMonolithic(ctx.deps, repo, b.digest, once(b.bytes));
  await putManifest(ctx.deps, repo, reference, image.manifest.bytes, image.manifest.mediaType);
}

/** Pushes `built` as `repo:tag`; returns the digest the tag now names. Errors are ECR errors. */
export async function pushBuiltImage(ctx: EcrContext, repo: RepositoryRow, tag: string, built: BuiltImage): Promise<string> {
  try {
    const isIndex = built.top.mediaType === MEDIA_TYPES.ociIndex;
    for (const image of built.images) await pushPlatformImage(ctx, repo, image, isIndex ? image.manifest.digest : tag);
    const { digest } = isIndex ? await putManifest(ctx.deps, repo, tag, built.top.bytes, built.top.mediaType) : { digest: built.top.digest };
    await scanOnPushIfConfigured(ctx, repo, digest);
    return digest;
  } catch (error) {
    throw toEcrError(error);
  }
}
