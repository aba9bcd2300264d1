#!/usr/bin/env node
// `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql for
// the changes in prisma/schema.prisma. Runs `prisma migrate dev --create-only` on a scratch SQLite
// file through the offline schema-engine stand-in (Prisma's native engine cannot be downloaded on
// offline machines). Development only: the app applies migrations itself (lib/db/migrate.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migrate:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const scratch = mkdtempSync(path.join(tmpdir(), "dockyard-migrate-new-"));
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(scratch, "scratch.db")}`,
  PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("scripts/dev/prisma-schema-engine-offline.mjs"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const result = spawnSync("npx", ["--no-install", "prisma", "migrate", "dev", "--create-only", "--name", name], { stdio: "inherit", env });
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
