// The only module that constructs the generated Prisma client. SQLite through better-sqlite3.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// Per-connection settings (WAL itself is stored in the file by migrateDatabase). In WAL mode
// synchronous=NORMAL skips the fsync on every commit and syncs at checkpoints instead: a crash of
// the app loses nothing and the file stays consistent; only a power cut can drop the last commits.
// The fsync was most of a review answer's latency on a busy disk.
const CONNECTION_PRAGMAS = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;";

/** The better-sqlite3 adapter, with CONNECTION_PRAGMAS applied when its connection opens. */
class TunedSqlite3 extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }
}

/** Opens a client on a SQLite file (migrated beforehand by migrateDatabase). */
export function createDb(databaseFile: string): Db {
  const adapter = new TunedSqlite3({ url: databaseFile, timeout: 10_000 });
  return new PrismaClient({ adapter });
}
