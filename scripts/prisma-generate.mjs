#!/usr/bin/env node
// Runs `prisma generate` on install. The Prisma 7 CLI wants a native schema-engine binary that it
// downloads on first use; generating the client never runs that engine, so where no download is
// possible (air-gapped machines, our CI) pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// is enough. An explicitly configured engine always wins.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
