// The only module that constructs the generated Prisma client. SQLite through better-sqlite3.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// Per-connection settings (WAL itself is stored in the file by migrateDatabase). In WAL mode
// synchronous=NORMAL skips the fsync on every commit and syncs at checkpoints instead: a crash of
// the app loses nothing and the file stays consistent; only a power cut can drop the last commits.
// The fsync was most of a review answer's latency on a busy disk.
const CONNECTION_PRAGMAS = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;";

type Statement = { reader: boolean; run(...args: unknown[]): unknown; columns(): unknown[]; raw(on?: boolean): { all(...args: unknown[]): unknown[] } };
type Statements = { prepare(sql: string): unknown };

function sqliteHandle(adapter: object): Statements {
  const client: unknown = Reflect.get(adapter, "client");
  if (typeof client !== "object" || client === null || typeof Reflect.get(client, "prepare") !== "function") throw new Error("The better-sqlite3 adapter no longer exposes its connection: revisit lib/db/client.ts.");
  return client as Statements;
}

/**
 * Interactive transactions start with BEGIN IMMEDIATE instead of the adapter's plain BEGIN. The
 * adapter serialises transactions within this process only; with a deferred BEGIN, a transaction
 * that reads and then writes while another process (the CLI, a script) commits fails at once with
 * SQLITE_BUSY_SNAPSHOT. IMMEDIATE takes the write lock up front, and the busy timeout waits for it.
 * (The adapter has no option for this, hence wrapping its connection's prepare.)
 */
function beginImmediately(db: Statements): void {
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

const STATEMENT_CACHE_SIZE = 500;
/** How long a write waits for the lock (SQLite's busy timeout and Prisma's transaction queue). */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Reuses prepared statements. The adapter prepares every query anew (SQLite parses and plans the
 * SQL each time: ~8 % of the server's busy time in scripts/bench-review.mjs) and binds its arguments with bind(), which a
 * statement allows only once. Each call therefore gets a light view of the cached statement whose
 * bind() passes the arguments to run()/all() instead: the adapter's calls are synchronous, so no
 * two views of one statement are ever in use at once.
 */
function cacheStatements(db: Statements): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  db.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    const cached = statement;
    return {
      reader: cached.reader,
      run: (...args: unknown[]) => cached.run(...args),
      bind: (args: unknown[]) => ({
        reader: cached.reader,
        run: () => cached.run(args),
        columns: () => cached.columns(),
        raw: () => ({ all: () => cached.raw(true).all(args) }),
      }),
    };
  };
}

/** The better-sqlite3 adapter, with CONNECTION_PRAGMAS and immediate transactions. */
class TunedSqlite3 extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    const handle = sqliteHandle(adapter);
    cacheStatements(handle);
    beginImmediately(handle);
    return adapter;
  }
}

/** Opens a client on a SQLite file (migrated beforehand by migrateDatabase). */
export function createDb(databaseFile: string): Db {
  const adapter = new TunedSqlite3({ url: databaseFile, timeout: BUSY_TIMEOUT_MS });
  // Transactions queue in this process (one SQLite connection, one writer). Prisma gives up on a
  // queued transaction after 2 s by default, which failed requests under a burst (100 learners
  // answering flat out in scripts/bench-review.mjs); wait as long as SQLite's own busy timeout.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: BUSY_TIMEOUT_MS } });
}
