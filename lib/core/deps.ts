// Composition root: builds the process-wide dependencies once. Core functions receive `deps`
// explicitly, so tests can pass their own database, clock and id source.
import path from "node:path";
import { createDb, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { systemClock, type Clock } from "./clock";
import { getConfig, type AppConfig } from "./env";
import { randomIds, type IdSource } from "./ids";
import type { BlobStore } from "../blobstore/blob-store";
import { fsBlobStore } from "../blobstore/fs-blob-store";

export type Deps = {
  db: Db;
  clock: Clock;
  ids: IdSource;
  config: AppConfig;
  /** Registry bytes (blobs, uploads), under <data dir>/registry by default. */
  blobs: BlobStore;
};

const globalForDeps = globalThis as unknown as { dockyardDeps?: Deps };

/**
 * The shared dependencies of this process. The database is migrated on first use, so the app,
 * the CLI and scripts all work on a fresh data directory.
 */
export function getDeps(): Deps {
  if (globalForDeps.dockyardDeps) return globalForDeps.dockyardDeps;
  const config = getConfig();
  migrateDatabase(config.databaseFile, path.join(process.cwd(), "prisma", "migrations"));
  const deps: Deps = {
    db: createDb(config.databaseFile),
    clock: systemClock,
    ids: randomIds,
    config,
    blobs: fsBlobStore(path.join(config.dataDir, "registry")),
  };
  globalForDeps.dockyardDeps = deps;
  return deps;
}
