#!/usr/bin/env node
// `npm start`: prepare the data directory (migrations), build when the sources changed since the
// last build, then serve with scripts/serve.mjs (Next.js, and /v2 on node:http) on PORT (default 3000). Embedded defaults: SQLite and
// files under ./data (DOCKYARD_DATA_DIR / DATABASE_URL override them).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverEnvironment } from "./server-runtime.mjs";

const root = process.cwd();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const SOURCES = ["app", "components", "lib", "content", "prisma", "proxy.ts", "next.config.mjs", "package-lock.json", "tsconfig.json"];
const FINGERPRINT = path.join(root, ".next", "dockyard-source-fingerprint");

function* files(p) {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isFile()) yield p;
  else if (s.isDirectory() && !p.endsWith(path.join("lib", "db", "generated"))) for (const e of readdirSync(p).sort()) yield* files(path.join(p, e));
}

function fingerprint() {
  const h = createHash("sha256");
  for (const src of SOURCES) for (const f of files(path.join(root, src))) h.update(f).update(readFileSync(f));
  return h.digest("hex");
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log("dockyard: preparing the database (migrations, seed)…");
run(bin("tsx"), [path.join(root, "scripts", "prepare.ts")]);

const wanted = fingerprint();
const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, "utf8") === wanted;
if (!built) {
  console.log("dockyard: building the app (first start or sources changed)…");
  run("npm", ["run", "build"]); // prebuild validates the content first
  writeFileSync(FINGERPRINT, wanted);
}

const port = process.env.PORT ?? "3000";
console.log(`dockyard: starting the server on port ${port}…`);
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", port], { stdio: "inherit", env: { ...serverEnvironment(), NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
