// Periodic maintenance inside the server process: lifecycle policies (ECR acts "within 24 hours"
// of an image meeting a rule; hourly is well inside that), then registry garbage collection
// (which also removes stale uploads and the blobs expired images leave behind); and the SQLite
// WAL checkpointed from a worker thread (lib/db/wal-checkpointer.ts). Started once from
// instrumentation.ts; errors are logged, never fatal.
import type { Deps } from "../core/deps";
import { collectGarbage } from "../registry/gc";
import { enforceLifecyclePolicies } from "../ecr/lifecycle-runner";
import { failInterruptedScans } from "../ecr/scanning/scan-jobs";
import { startWalCheckpointer } from "../db/wal-checkpointer";

export const GC_INTERVAL_MS = 60 * 60 * 1000;
export const GC_GRACE_MS = 60 * 60 * 1000;

let timer: NodeJS.Timeout | undefined;

export function startBackgroundJobs(getDeps: () => Deps): void {
  if (timer) return;
  startWalCheckpointer(getDeps().config.databaseFile);
  // Scans a previous process was running when it stopped can never finish: end them as FAILED.
  failInterruptedScans(getDeps()).then(
    (count) => {
      if (count) console.log(`image scans: ${count} interrupted scan(s) marked FAILED`);
    },
    (error: unknown) => console.error("could not end interrupted scans", error),
  );
  timer = setInterval(() => {
    enforceLifecyclePolicies(getDeps())
      .then((report) => {
        if (report.expired) console.log("lifecycle:", JSON.stringify(report));
      })
      .catch((error: unknown) => console.error("lifecycle sweep failed", error))
      .then(() => collectGarbage(getDeps(), { graceMs: GC_GRACE_MS }))
      .then(
      (report) => {
        if (report.blobsDeleted || report.linksPruned || report.uploadsPurged) console.log("registry gc:", JSON.stringify(report));
      },
      (error: unknown) => console.error("registry gc failed", error),
      );
  }, GC_INTERVAL_MS);
  timer.unref();
}
