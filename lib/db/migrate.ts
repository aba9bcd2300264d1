// Applies the committed SQL migrations in prisma/migrations/ at start-up, so a fresh clone needs
// no Prisma CLI (whose native schema engine cannot be downloaded on offline machines). Applied
// migrations are recorded in `_prisma_migrations` exactly as `prisma migrate deploy` records them
// (sha256 checksum of migration.sql), so both tools agree about a database.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

type Row = { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null };

/** Lists migration folders in name (= timestamp) order. */
export function listMigrations(migrationsDir: string): { name: string; sql: string; checksum: string }[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Brings the database file up to date, creating it (and its folder) when missing, and switches it
 * to WAL so readers never block the writer. Refuses to continue when an applied migration's file
 * was edited afterwards or a previous run failed half-way: both need a human.
 */
export function migrateDatabase(databaseFile: string, migrationsDir: string, now: () => Date = () => new Date()): MigrationResult {
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const db = new Database(databaseFile, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as Row[];
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const migration of listMigrations(migrationsDir)) {
      const row = done.get(migration.name);
      if (row) {
        if (row.finished_at === null) {
          throw new Error(`Migration ${migration.name} started earlier but did not finish; restore a backup or resolve it with prisma migrate resolve.`);
        }
        if (row.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was modified after it was applied (checksum mismatch); add a new migration instead.`);
        }
        alreadyApplied++;
        continue;
      }
      const startedAt = now().toISOString();
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), migration.checksum, now().toISOString(), migration.name, startedAt);
      })();
      applied.push(migration.name);
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}
