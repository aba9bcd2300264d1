// Basic image scans as background jobs: a scan row goes IN_PROGRESS, the scanner reads the image
// the learner pushed from the blob store, and the row ends COMPLETE, FAILED or UNSUPPORTED_IMAGE.
// A process that dies mid-scan leaves IN_PROGRESS rows behind; failInterruptedScans ends them as
// FAILED at the next start, so a scan is never stuck.
import type { Deps } from "../../core/deps";
import { scanImage, type Finding, type ImageScanResult, type Package, type ScanResult } from "../../scanner";
import type { EcrContext } from "../context";
import { readRegistryScanningConfiguration } from "../operations/registry";
import type { RepositoryRow } from "../repository-record";
import { advisoryFeed } from "./advisory-feed";
import { scansOnPush } from "./scan-filters";
import { clearProgress, progressRecorder } from "./scan-progress";

export type ScanStatus = "IN_PROGRESS" | "COMPLETE" | "FAILED" | "UNSUPPORTED_IMAGE";

const SEVERITY_ORDER = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

/** Scans still running in this process, so tests and the console can wait for them. */
const running = new Map<string, Promise<void>>();

type Outcome = { status: ScanStatus; description: string; findings: Finding[]; packages: Package[]; os: string | null };

function imageOutcomes(result: ScanResult): ImageScanResult[] {
  return result.ok && result.kind === "index" ? result.platforms : [result as ImageScanResult];
}

/** One result for the image; an index combines its platforms (findings deduplicated). */
export function outcomeOf(result: ScanResult): Outcome {
  const parts = imageOutcomes(result);
  const scanned = parts.filter((p) => p.ok);
  if (!scanned.length) {
    const failure = parts.find((p) => !p.ok && p.code !== "UnsupportedImage") ?? parts[0];
    if (failure && !failure.ok && failure.code === "UnsupportedImage") {
      return { status: "UNSUPPORTED_IMAGE", description: `UnsupportedImageError: ${failure.description}`, findings: [], packages: [], os: null };
    }
    return { status: "FAILED", description: failure && !failure.ok ? failure.description : "The image could not be scanned.", findings: [], packages: [], os: null };
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const packages: Package[] = [];
  for (const part of scanned) {
    if (!part.ok) continue;
    packages.push(...part.packages);
    for (const f of part.findings) {
      const key = `${f.vulnerabilityId} ${f.packageName} ${f.installedVersion}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push(f);
      }
    }
  }
  findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.vulnerabilityId.localeCompare(b.vulnerabilityId) || a.packageName.localeCompare(b.packageName));
  const first = scanned[0];
  const os = first?.ok ? (first.os?.prettyName ?? null) : null;
  return { status: "COMPLETE", description: "The scan was completed successfully.", findings, packages, os };
}

async function runScan(ctx: EcrContext, manifestId: string, digest: string): Promise<void> {
  const { db } = ctx.deps;
  let outcome: Outcome;
  try {
    outcome = outcomeOf(await scanImage(ctx.deps.blobs, digest, { advisories: await advisoryFeed(ctx.deps.config.dataDir), onProgress: progressRecorder(manifestId) }));
  } catch (error) {
    console.error("scan failed unexpectedly", error);
    outcome = { status: "FAILED", description: "The scanner hit an internal error.", findings: [], packages: [], os: null };
  }
  await db.imageScan.updateMany({
    where: { manifestId },
    data: { status: outcome.status, description: outcome.description, completedAt: ctx.deps.clock.now(), findings: JSON.stringify(outcome.findings), packages: JSON.stringify(outcome.packages), os: outcome.os },
  });
}

/** Starts a scan of one image in the background; returns at once with the row IN_PROGRESS. */
export async function startScan(ctx: EcrContext, image: { manifestId: string; digest: string }): Promise<void> {
  const data = { status: "IN_PROGRESS", description: null, startedAt: ctx.deps.clock.now(), completedAt: null, findings: "[]", packages: "[]", os: null };
  await ctx.deps.db.imageScan.upsert({ where: { manifestId: image.manifestId }, create: { manifestId: image.manifestId, ...data }, update: data });
  const job = runScan(ctx, image.manifestId, image.digest)
    .catch((error: unknown) => console.error("scan job failed", error))
    .finally(() => {
      running.delete(image.manifestId);
      clearProgress(image.manifestId);
    });
  running.set(image.manifestId, job);
}

/** Scan on push when the repository's flag or a registry rule says so. Never fails the push. */
export async function scanOnPushIfConfigured(ctx: EcrContext, repo: Pick<RepositoryRow, "id" | "name" | "scanOnPush">, digest: string): Promise<void> {
  try {
    const config = await readRegistryScanningConfiguration(ctx);
    if (!scansOnPush(config, repo.name, repo.scanOnPush)) return;
    const manifest = await ctx.deps.db.manifest.findUnique({ where: { repositoryId_digest: { repositoryId: repo.id, digest } }, select: { id: true } });
    if (manifest) await startScan(ctx, { manifestId: manifest.id, digest });
  } catch (error) {
    console.error("scan on push could not start", error);
  }
}

/** Waits for the scans this process is running (tests, benchmarks). */
export async function settleScans(): Promise<void> {
  await Promise.all([...running.values()]);
}

/** Ends scans a previous process left IN_PROGRESS (it died mid-scan) as FAILED. */
export async function failInterruptedScans(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  const { count } = await deps.db.imageScan.updateMany({
    where: { status: "IN_PROGRESS", manifestId: { notIn: [...running.keys()] } },
    data: { status: "FAILED", description: "The scan was interrupted because the server restarted. Start the scan again.", completedAt: deps.clock.now() },
  });
  return count;
}
