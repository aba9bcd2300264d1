// SBOM export: the CycloneDX document of one image of the caller's account, built from the package
// inventory its latest completed basic scan stored. Reading an image's inventory discloses what its
// scan found, so it is authorised as ecr:DescribeImageScanFindings. [A] ECR's own basic scanning
// has no SBOM export (Amazon Inspector's CreateSbomExport serves enhanced scanning); this is the
// sandbox's addition, so the errors reuse the exceptions DescribeImageScanFindings throws.
import { z } from "zod";
import { buildImageSbom, SBOM_MEDIA_TYPE, serialNumberFrom } from "../../sbom/cyclonedx";
import { repositoryUri } from "../arns";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { imageNotFound, loadImages, lookupImage } from "../image-records";
import { ImageIdSchema, parseInput, RegistryIdSchema, RepositoryNameSchema } from "../input";
import { requireRepository } from "../repository-record";
import { parseStoredPackages } from "./scan-inventory";

const ExportInput = z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema, imageId: ImageIdSchema });
export type SbomExportInput = z.input<typeof ExportInput>;

export type SbomExport = { fileName: string; mediaType: string; body: string; imageDigest: string; packageCount: number };

/** "team/app" + sha256:0123456789abcdef… → team_app-0123456789ab.cdx.json */
export function sbomFileName(repositoryName: string, digest: string): string {
  const hex = digest.slice(digest.indexOf(":") + 1);
  return `${repositoryName.replace(/[^a-z0-9._-]/g, "_")}-${hex.slice(0, 12)}.cdx.json`;
}

function noCompletedScan(ctx: EcrContext, repositoryName: string, digest: string, tag: string | undefined, status: string | null): EcrError {
  const id = `{imageDigest:'${digest}', imageTag:'${tag ?? "null"}'}`;
  const why =
    status === null ? "Image scan does not exist" : status === "IN_PROGRESS" ? "The image's scan is still in progress" : `The image's last scan ended ${status}, so it has no package inventory`;
  return new EcrError("ScanNotFoundException", `${why} for the image with '${id}' in the repository with name '${repositoryName}' in the registry with id '${ctx.accountId}'. Scan the image (StartImageScan) and export its SBOM once the scan is COMPLETE.`);
}

export async function exportImageSbom(ctx: EcrContext, input: unknown): Promise<SbomExport> {
  const req = parseInput(ExportInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:DescribeImageScanFindings", repo.name);
  const hit = lookupImage(await loadImages(ctx, repo), req.imageId);
  if (!("image" in hit)) {
    if (hit.failureCode === "InvalidImageDigest" || hit.failureCode === "MissingDigestAndTag") throw invalidParameter("imageId", hit.failureReason);
    throw imageNotFound(ctx, repo, req.imageId);
  }
  const image = hit.image;
  const scan = await ctx.deps.db.imageScan.findUnique({ where: { manifestId: image.manifestId }, select: { status: true, completedAt: true, packages: true, os: true } });
  if (!scan || scan.status !== "COMPLETE") throw noCompletedScan(ctx, repo.name, image.digest, req.imageId.imageTag, scan?.status ?? null);
  const packages = parseStoredPackages(scan.packages);
  const body = buildImageSbom(
    { repository: repo.name, repositoryUri: repositoryUri(ctx.region, ctx.accountId, repo.name), digest: image.digest, ...(req.imageId.imageTag ? { tag: req.imageId.imageTag } : {}), os: scan.os, scanCompletedAt: scan.completedAt },
    packages,
    { timestamp: ctx.deps.clock.now(), serialNumber: serialNumberFrom(ctx.deps.ids.id()) },
  );
  return { fileName: sbomFileName(repo.name, image.digest), mediaType: SBOM_MEDIA_TYPE, body, imageDigest: image.digest, packageCount: packages.length };
}
