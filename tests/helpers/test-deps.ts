// Test dependencies: a fresh migrated SQLite file per test file, a fixed clock, sequential ids.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fixedClock } from "@/lib/core/clock";
import type { Deps } from "@/lib/core/deps";
import { sequentialIds } from "@/lib/core/ids";
import { createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { fsBlobStore } from "@/lib/blobstore/fs-blob-store";
import type { RegistryLimits } from "@/lib/core/env";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export function makeTestDeps(start = "2026-01-15T09:00:00Z", limits: Partial<RegistryLimits> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-test-"));
  const databaseFile = path.join(dir, "test.db");
  migrateDatabase(databaseFile, MIGRATIONS_DIR);
  const clock = fixedClock(start);
  const deps: Deps = {
    db: createDb(databaseFile),
    clock,
    ids: sequentialIds(),
    config: {
      nodeEnv: "test",
      dataDir: dir,
      databaseFile,
      secureCookies: "never",
      admin: null,
      registry: { maxStoredBytes: 64 * 1024 * 1024, maxRepositories: 5, maxUploadBytes: 32 * 1024 * 1024, uploadExpiryMs: 24 * 60 * 60 * 1000, ...limits },
    },
    blobs: fsBlobStore(path.join(dir, "registry")),
  };
  return {
    deps,
    clock,
    dir,
    async cleanup() {
      await deps.db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
