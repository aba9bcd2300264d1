#!/usr/bin/env node
// The `dockyard` admin command (see scripts/dockyard/main.ts); runs the TypeScript entry with tsx
// from the project folder so lib/ and prisma/migrations resolve.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const result = spawnSync(tsx, [path.join(root, "scripts", "dockyard", "main.ts"), ...process.argv.slice(2)], { stdio: "inherit", cwd: root });
process.exit(result.status ?? 1);
