// The WAL checkpointer: a worker thread copies committed pages back into the database file, so
// the server's commits never have to checkpoint (and fsync) on the event loop.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startWalCheckpointer, type CheckpointReport, type WalCheckpointer } from "@/lib/db/wal-checkpointer";
import { makeTestDeps } from "../helpers/test-deps";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe("WAL checkpointer", () => {
  it("checkpoints the server's commits from another thread while writes go on", async () => {
    const t = makeTestDeps();
    cleanups.push(t.cleanup);
    const reports: CheckpointReport[] = [];
    const errors: string[] = [];
    const checkpointer: WalCheckpointer = startWalCheckpointer(t.deps.config.databaseFile, { intervalMs: 50, onCheckpoint: (r) => reports.push(r), onError: (m) => errors.push(m) });
    cleanups.push(() => checkpointer.stop());

    for (let i = 0; i < 40; i++) await t.deps.db.user.create({ data: { id: `u${i}`, email: `u${i}@example.com`, accountId: String(100000000000 + i) } });
    await expect.poll(() => reports.reduce((n, r) => n + r.checkpointed, 0), { timeout: 5000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(reports.every((r) => r.checkpointed <= r.log)).toBe(true);
    // The rows are there for a fresh reader, whatever was or was not checkpointed.
    const reader = new Database(t.deps.config.databaseFile, { readonly: true });
    expect((reader.prepare("SELECT COUNT(*) AS n FROM User").get() as { n: number }).n).toBe(40);
    reader.close();
  });

  it("reports a database it cannot open once, and stops cleanly", async () => {
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer("/nonexistent/dir/missing.db", { intervalMs: 20, onError: (m) => errors.push(m) });
    await expect.poll(() => errors.length, { timeout: 5000 }).toBe(1);
    expect(errors[0]).toMatch(/unable to open|does not exist|directory/i);
    await checkpointer.stop();
  });
});
