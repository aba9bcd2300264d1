import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "../helpers/test-deps";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("migrateDatabase", () => {
  it("creates the database in WAL mode, records migrations as Prisma does, and is idempotent", () => {
    dir = mkdtempSync(path.join(tmpdir(), "dockyard-migrate-"));
    const file = path.join(dir, "nested", "db.sqlite");
    const first = migrateDatabase(file, MIGRATIONS_DIR);
    expect(first.applied).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => m.name));
    expect(migrateDatabase(file, MIGRATIONS_DIR)).toEqual({ applied: [], alreadyApplied: first.applied.length });

    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`).all() as { checksum: string; finished_at: string }[];
    expect(rows.map((r) => r.checksum)).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at)).toBe(true);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["User", "Session", "LessonProgress", "SignInFailure"]));
    db.close();
  });

  it("refuses to run when an applied migration was edited afterwards", () => {
    dir = mkdtempSync(path.join(tmpdir(), "dockyard-migrate-"));
    const migrations = path.join(dir, "migrations");
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const file = path.join(dir, "db.sqlite");
    migrateDatabase(file, migrations);
    const first = listMigrations(migrations)[0]!;
    appendFileSync(path.join(migrations, first.name, "migration.sql"), "\n-- edited\n");
    expect(() => migrateDatabase(file, migrations)).toThrow(/modified after it was applied/);
  });
});
