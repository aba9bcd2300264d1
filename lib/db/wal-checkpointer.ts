// Checkpoints the SQLite write-ahead log from a worker thread. Left to itself, SQLite checkpoints
// inside whichever commit pushes the WAL past 1,000 pages, on the committing connection: in this
// server that is the event loop, and a checkpoint with its two fsyncs held every request for up to
// ~20 ms (the slowest 1 % of review answers in scripts/bench-review.mjs). A PASSIVE checkpoint from
// another connection copies the log back into the database without blocking readers or writers,
// so the server's own commits find the WAL short and never checkpoint themselves. If the worker
// cannot run, SQLite's automatic checkpoint still keeps the WAL bounded: only latency is lost.
import { Worker } from "node:worker_threads";

export type CheckpointReport = { log: number; checkpointed: number; busy: number };

export type WalCheckpointer = { stop(): Promise<void> };

/**
 * Runs in the worker: CommonJS source, eval'd so that the bundler leaves it alone (Turbopack turns
 * a require.resolve in app code into a module number), with require() resolving from the working
 * directory, the project root where npm installed better-sqlite3.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    const [report] = db.pragma("wal_checkpoint(PASSIVE)");
    if (report && report.checkpointed > 0) parentPort.postMessage({ report });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Starts checkpointing `databaseFile` every `intervalMs`. The thread does not keep the process
 * alive. Errors are reported once through `onError`; checkpoints that moved pages through
 * `onCheckpoint`.
 */
export function startWalCheckpointer(
  databaseFile: string,
  options: { intervalMs?: number; onCheckpoint?: (report: CheckpointReport) => void; onError?: (message: string) => void } = {},
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: databaseFile, intervalMs: options.intervalMs ?? 200 } });
  worker.unref();
  let reported = false;
  const reportError = (message: string) => {
    if (reported) return;
    reported = true;
    (options.onError ?? ((m: string) => console.error(`WAL checkpointer: ${m} (SQLite's automatic checkpoints continue)`)))(message);
  };
  worker.on("message", (message: { report?: CheckpointReport; error?: string }) => {
    if (message.report) options.onCheckpoint?.(message.report);
    if (message.error) reportError(message.error);
  });
  worker.on("error", (error) => reportError(error.message));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.postMessage("stop");
      await exited;
    },
  };
}
