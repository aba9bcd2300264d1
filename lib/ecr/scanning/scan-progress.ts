// How far the scans this process is running have got: compressed layer bytes read against the
// total layer size, per image scan (manifest id), for the console's progress bars. Kept in memory
// only: progress is worthless after the scan ends, and a scan started by another process simply
// has none here (the console then shows an indeterminate bar).
import { z } from "zod";
import type { Deps } from "../../core/deps";
import type { ScanProgress } from "../../scanner";
import { findRepository } from "../repository-record";

/** Progress is recorded when it enters a new whole percent (or reaches the end): at most about
 *  100 writes per scan, however many chunks the layers arrive in. Throttling by bytes, not time,
 *  keeps this free of clocks (the account clock is simulated and may stand still). */
const STEPS = 100;

// Next.js may evaluate this module once per bundle (route handlers, server actions); one map on
// globalThis lets all of them see the same scans.
const holder = globalThis as unknown as { dockyardScanProgress?: Map<string, ScanProgress> };
const progressByScan = (holder.dockyardScanProgress ??= new Map<string, ScanProgress>());

/** A throttled recorder for one scan, to pass to scanImage as onProgress. */
export function progressRecorder(manifestId: string): (progress: ScanProgress) => void {
  let recorded = -1;
  progressByScan.set(manifestId, { bytesRead: 0, totalBytes: 0 });
  return (progress) => {
    const step = progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * STEPS) : 0;
    if (step <= recorded && progress.bytesRead < progress.totalBytes) return;
    recorded = step;
    progressByScan.set(manifestId, { bytesRead: progress.bytesRead, totalBytes: progress.totalBytes });
  };
}

export function clearProgress(manifestId: string): void {
  progressByScan.delete(manifestId);
}

export function progressOf(manifestId: string): ScanProgress | null {
  return progressByScan.get(manifestId) ?? null;
}

export const ScanProgressQuerySchema = z.strictObject({ repository: z.string().min(2).max(256) });

/** One image's scan as the console's progress poller sees it; progress is null when unknown. */
export type ScanProgressView = { digest: string; status: string; progress: ScanProgress | null };

/** The scans of one of the account's repositories, with progress for those running here. An
 *  unknown repository (or another account's) reads as no scans, never as an error that leaks it. */
export async function repositoryScanProgress(deps: Pick<Deps, "db">, accountId: string, repositoryName: string): Promise<ScanProgressView[]> {
  const repo = await findRepository(deps, accountId, repositoryName);
  if (!repo) return [];
  const rows = await deps.db.imageScan.findMany({ where: { manifest: { repositoryId: repo.id } }, select: { manifestId: true, status: true, manifest: { select: { digest: true } } } });
  return rows.map((r) => ({ digest: r.manifest.digest, status: r.status, progress: r.status === "IN_PROGRESS" ? progressOf(r.manifestId) : null }));
}
