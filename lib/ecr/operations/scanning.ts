// StartImageScan and DescribeImageScanFindings (ecr-spec §2.3, §2.4), basic scanning.
import { z } from "zod";
import type { Finding } from "../../scanner";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { imageNotFound, loadImages, lookupImage } from "../image-records";
import { ImageIdSchema, MaxResultsSchema, NextTokenSchema, page, parseInput, RegistryIdSchema, RepositoryNameSchema, type ImageId } from "../input";
import { requireRepository, type RepositoryRow } from "../repository-record";
import { FEED_UPDATED_AT } from "../scanning/advisory-feed";
import { startScan } from "../scanning/scan-jobs";
import { parseStoredFindings, severityCounts } from "../scanning/stored-findings";
import { readRegistryScanningConfiguration } from "./registry";

/** Basic scanning allows one scan per image per 24 hours, counting the scan on push [D]. */
export const SCAN_QUOTA_MS = 24 * 60 * 60 * 1000;

const ImageInput = z.strictObject({ registryId: RegistryIdSchema.optional(), repositoryName: RepositoryNameSchema, imageId: ImageIdSchema });

async function resolveImage(ctx: EcrContext, repo: RepositoryRow, id: ImageId) {
  const hit = lookupImage(await loadImages(ctx, repo), id);
  if ("image" in hit) return hit.image;
  if (hit.failureCode === "InvalidImageDigest" || hit.failureCode === "MissingDigestAndTag") throw invalidParameter("imageId", hit.failureReason);
  throw imageNotFound(ctx, repo, id);
}

export async function startImageScan(ctx: EcrContext, input: unknown) {
  const req = parseInput(ImageInput, input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:StartImageScan", repo.name);
  if ((await readRegistryScanningConfiguration(ctx)).scanType === "ENHANCED") {
    throw invalidParameter("imageId", "Manual scans are not supported when the registry uses ENHANCED scanning; images are scanned on push");
  }
  const image = await resolveImage(ctx, repo, req.imageId);
  const previous = await ctx.deps.db.imageScan.findUnique({ where: { manifestId: image.manifestId } });
  if (previous && ctx.deps.clock.now().getTime() - previous.startedAt.getTime() < SCAN_QUOTA_MS) {
    throw new EcrError("LimitExceededException", "The scan quota per image has been exceeded. Wait and try again.");
  }
  await startScan(ctx, image);
  return { registryId: ctx.accountId, repositoryName: repo.name, imageId: { imageDigest: image.digest, ...(req.imageId.imageTag ? { imageTag: req.imageId.imageTag } : {}) }, imageScanStatus: { status: "IN_PROGRESS", description: "The scan is in progress." } };
}

/** A finding in ECR's basic shape: CVE name, description, link, severity and package attributes. */
export function toFindingShape(f: Finding) {
  return {
    name: f.vulnerabilityId,
    description: f.description,
    ...(f.uri ? { uri: f.uri } : {}),
    severity: f.severity,
    attributes: [
      { key: "package_name", value: f.packageName },
      { key: "package_version", value: f.installedVersion },
      // [A] basic findings carry no fix attribute on ECR; the sandbox adds one so learners see the fix.
      ...(f.fixedVersion ? [{ key: "fixed_in_version", value: f.fixedVersion }] : []),
    ],
  };
}

export async function describeImageScanFindings(ctx: EcrContext, input: unknown) {
  const req = parseInput(ImageInput.extend({ nextToken: NextTokenSchema.optional(), maxResults: MaxResultsSchema(1000).optional() }), input);
  const repo = await requireRepository(ctx, req.repositoryName, req.registryId);
  await authorize(ctx, "ecr:DescribeImageScanFindings", repo.name);
  const image = await resolveImage(ctx, repo, req.imageId);
  const scan = await ctx.deps.db.imageScan.findUnique({ where: { manifestId: image.manifestId } });
  if (!scan) {
    throw new EcrError("ScanNotFoundException", `Image scan does not exist for the image with '{imageDigest:'${image.digest}', imageTag:'${req.imageId.imageTag ?? "null"}'}' in the repository with name '${repo.name}' in the registry with id '${ctx.accountId}'`);
  }
  const base = {
    registryId: ctx.accountId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(req.imageId.imageTag ? { imageTag: req.imageId.imageTag } : {}) },
    imageScanStatus: { status: scan.status, description: scan.description ?? "The scan is in progress." },
  };
  if (scan.status !== "COMPLETE") return base;
  const findings = parseStoredFindings(scan.findings);
  const slice = page(findings, req.nextToken, req.maxResults);
  return {
    ...base,
    imageScanFindings: {
      imageScanCompletedAt: scan.completedAt ?? scan.startedAt,
      vulnerabilitySourceUpdatedAt: FEED_UPDATED_AT,
      findingSeverityCounts: severityCounts(findings),
      findings: slice.items.map(toFindingShape),
    },
    ...(slice.nextToken ? { nextToken: slice.nextToken } : {}),
  };
}
