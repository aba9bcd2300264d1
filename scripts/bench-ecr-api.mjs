#!/usr/bin/env node
// scripts/bench-ecr-api.mjs — latency of the ECR JSON API with many repositories.
//   Creates an account with 1,000 repositories (one holding 200 images) on a fresh SQLite file,
//   then sends SigV4-signed requests through the real face (lib/ecr-api/handler.ts: signature
//   check, routing, JSON parsing, authorization, operation, serialisation) and prints p50/p95 for
//   DescribeRepositories (a page of 100, and by name), DescribeImages and ListImages, next to a
//   baseline measured in the same run: DescribeRegistry, which does everything except touch
//   repositories — the fixed cost of any signed call.
// Target: p95 ≤ 10 ms for describe-repositories and describe-images (exit code 1 above it).
// Usage: node scripts/bench-ecr-api.mjs [--repos 1000] [--images 200] [--runs 300] [--v8-defaults]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

// Measure under the V8 flags the server runs with (scripts/start.mjs). --v8-defaults measures without.
const SERVER_FLAGS = ["--max-semi-space-size=64"];
if (!process.argv.includes("--v8-defaults") && !process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) {
  const child = spawnSync(process.execPath, [...SERVER_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}
const flags = process.execArgv.join(" ") || "(V8 defaults)";

const { values } = parseArgs({ options: { "v8-defaults": { type: "boolean", default: false }, repos: { type: "string", default: "1000" }, images: { type: "string", default: "200" }, runs: { type: "string", default: "300" } } });
const REPOS = Number(values.repos);
const IMAGES = Number(values.images);
const RUNS = Number(values.runs);
const TARGET_MS = 10;

const { tsImport } = await import("tsx/esm/api");
const load = (p) => tsImport(p, import.meta.url);
const [{ migrateDatabase }, { createDb }, { fixedClock }, { randomIds }, { fsBlobStore }, { createUser }, { createAccessKey }, { handleEcrApiRequest }] = await Promise.all([
  load("../lib/db/migrate.ts"),
  load("../lib/db/client.ts"),
  load("../lib/core/clock.ts"),
  load("../lib/core/ids.ts"),
  load("../lib/blobstore/fs-blob-store.ts"),
  load("../lib/auth/users.ts"),
  load("../lib/auth/access-keys.ts"),
  load("../lib/ecr-api/handler.ts"),
]);
const { SignatureV4 } = await import("@smithy/signature-v4");
const { HttpRequest } = await import("@smithy/protocol-http");
const { Hash } = await import("@smithy/core/serde");

const dir = mkdtempSync(path.join(tmpdir(), "dockyard-bench-api-"));
const databaseFile = path.join(dir, "bench.db");
migrateDatabase(databaseFile, path.join(process.cwd(), "prisma", "migrations"));
const deps = {
  db: createDb(databaseFile),
  clock: fixedClock(new Date()),
  ids: randomIds,
  config: { nodeEnv: "production", dataDir: dir, databaseFile, secureCookies: "never", admin: null, registry: { maxStoredBytes: 1e12, maxRepositories: REPOS + 10, maxUploadBytes: 1e9, uploadExpiryMs: 86_400_000 } },
  blobs: fsBlobStore(path.join(dir, "registry")),
};

try {
  process.stdout.write(`Node flags: ${flags}. Seeding ${REPOS} repositories and ${IMAGES} images…\n`);
  const user = await createUser(deps, { email: "bench@example.com", password: "a long bench password" });
  const keys = await createAccessKey(deps, user.accountId);
  const now = deps.clock.now();
  const repoRows = Array.from({ length: REPOS }, (_, i) => ({ id: `repo-${i}`, accountId: user.accountId, name: `team-${String(i % 20).padStart(2, "0")}/service-${String(i).padStart(4, "0")}`, createdAt: now }));
  await deps.db.repository.createMany({ data: repoRows });
  const target = repoRows[REPOS - 1];
  const digests = Array.from({ length: IMAGES }, (_, i) => `sha256:${i.toString(16).padStart(64, "0")}`);
  await deps.db.manifest.createMany({ data: digests.map((digest, i) => ({ id: `m-${i}`, repositoryId: target.id, digest, mediaType: "application/vnd.oci.image.manifest.v1+json", size: 500n, imageSize: 1_000_000n, pushedAt: new Date(now.getTime() - i * 3_600_000) })) });
  await deps.db.tag.createMany({ data: digests.slice(0, IMAGES / 2).map((digest, i) => ({ repositoryId: target.id, name: `v${i}`, manifestDigest: digest, updatedAt: now })) });

  const signer = new SignatureV4({ service: "ecr", region: "us-east-1", credentials: keys, sha256: Hash.bind(null, "sha256"), applyChecksum: false });
  // Requests are signed once per operation (the clock stands still), so the timings are the
  // server's work only: verifying the signature, not also computing it client-side.
  const signedCache = new Map();
  async function call(operation, input) {
    const body = JSON.stringify(input);
    const cacheKey = operation + body;
    let headers = signedCache.get(cacheKey);
    if (!headers) {
      const signed = await signer.sign(new HttpRequest({ method: "POST", protocol: "http:", hostname: "127.0.0.1", port: 3000, path: "/", headers: { host: "127.0.0.1:3000", "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonEC2ContainerRegistry_V20150921.${operation}` }, body }), { signingDate: deps.clock.now() });
      headers = signed.headers;
      signedCache.set(cacheKey, headers);
    }
    const response = await handleEcrApiRequest(deps, new Request("http://127.0.0.1:3000/", { method: "POST", headers, body }));
    if (response.status !== 200) throw new Error(`${operation}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async function measure(label, operation, input, check) {
    for (let i = 0; i < 20; i++) await call(operation, input);
    const times = [];
    let result;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      result = await call(operation, input);
      times.push(performance.now() - t0);
    }
    check?.(result);
    times.sort((a, b) => a - b);
    return { label, p50: times[Math.floor(RUNS * 0.5)], p95: times[Math.floor(RUNS * 0.95)] };
  }

  const baseline = await measure("DescribeRegistry (baseline)", "DescribeRegistry", {});
  const rows = [
    baseline,
    await measure(`DescribeRepositories (page of 100 of ${REPOS})`, "DescribeRepositories", {}, (r) => { if (r.repositories.length !== 100 || !r.nextToken) throw new Error("expected a page of 100"); }),
    await measure("DescribeRepositories (one by name)", "DescribeRepositories", { repositoryNames: [target.name] }),
    await measure(`DescribeImages (page of 100 of ${IMAGES})`, "DescribeImages", { repositoryName: target.name }, (r) => { if (r.imageDetails.length !== 100) throw new Error("expected 100 images"); }),
    await measure("ListImages (all)", "ListImages", { repositoryName: target.name, maxResults: 1000 }),
  ];
  process.stdout.write(`\n${"request".padEnd(44)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"× baseline p95".padStart(15)}\n`);
  for (const r of rows) process.stdout.write(`${r.label.padEnd(44)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${(r.p95 / baseline.p95).toFixed(2).padStart(15)}\n`);
  const judged = rows.slice(1, 4);
  const worst = Math.max(...judged.map((r) => r.p95));
  process.stdout.write(`\nWorst describe-* p95: ${worst.toFixed(2)} ms (target ≤ ${TARGET_MS} ms) — ${worst <= TARGET_MS ? "met" : "NOT met"}\n`);
  process.exitCode = worst <= TARGET_MS ? 0 : 1;
} finally {
  await deps.db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
