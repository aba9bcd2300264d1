#!/usr/bin/env node
// `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql for
// schema changes that ADD tables, columns or indexes. Prisma's native schema engine cannot be
// downloaded on offline machines and the offline stand-in (scripts/dev/) has no shadow database,
// so this asks it for the SQL of the whole schema on an empty scratch database and keeps the
// statements that no existing migration contains. Alterations of existing tables must be written
// by hand. Check the result by running the tests (they migrate a fresh database). Development only.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migrate:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const migrations = path.join("prisma", "migrations");
const scratch = mkdtempSync(path.join(tmpdir(), "dockyard-migrate-new-"));
const schema = path.join(scratch, "schema.prisma");
writeFileSync(schema, readFileSync(path.join("prisma", "schema.prisma"), "utf8").replace(/output\s*=\s*"[^"]*"/, `output = "${path.join(scratch, "client")}"`));
writeFileSync(path.join(scratch, "prisma.config.mjs"), `export default { schema: ${JSON.stringify(schema)}, migrations: { path: ${JSON.stringify(path.join(scratch, "migrations"))} }, datasource: { url: ${JSON.stringify(`file:${path.join(scratch, "scratch.db")}`)} } };\n`);
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("scripts/dev/prisma-schema-engine-offline.mjs"), PRISMA_HIDE_UPDATE_MESSAGE: "1" };
try {
  const run = spawnSync("npx", ["--no-install", "prisma", "migrate", "dev", "--config", path.join(scratch, "prisma.config.mjs"), "--name", "full"], { env, encoding: "utf8" });
  let fullDir;
  try {
    fullDir = readdirSync(path.join(scratch, "migrations")).find((d) => d.endsWith("_full"));
  } catch {
    fullDir = undefined;
  }
  if (run.status !== 0 || !fullDir) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status || 1);
  }
  const blocks = (sql) => sql.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  const existing = new Set(
    readdirSync(migrations, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => blocks(readFileSync(path.join(migrations, d.name, "migration.sql"), "utf8"))),
  );
  const added = blocks(readFileSync(path.join(scratch, "migrations", fullDir, "migration.sql"), "utf8")).filter((b) => !existing.has(b));
  if (added.length === 0) {
    console.log("No new tables, columns or indexes: nothing to migrate.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${added.join("\n\n")}\n`);
  console.log(`Wrote ${dir}/migration.sql (${added.length} statements). Review it: changes to existing tables need hand-written SQL.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
