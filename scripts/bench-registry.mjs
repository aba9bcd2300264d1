#!/usr/bin/env node
// scripts/bench-registry.mjs — Dockyard's /v2/ against the CNCF distribution registry (Debian
// package docker-registry), same machine, same run, same client code:
//   after a warm-up of both (two 16 MiB blobs pushed and pulled three times),
//   5 × 100 MiB blobs pushed monolithically (POST, then one PUT) and in 10 MiB chunks, pulled sequentially and 8 in
//   parallel, then a skopeo push and pull of a 5-layer image; --rounds times, alternating which
//   registry goes first. Before each registry's turn the page cache is written back (`sync`), so
//   neither pays for the disk writes the other (or its own last turn) left behind. Prints each operation's median MiB/s for both, the ratio and its range
//   over the rounds (targets: push ≥ 2×, pull ≥ 1×), and Dockyard's peak server RSS (< 300 MiB).
// Usage: node scripts/bench-registry.mjs [--blob-mib 100] [--blobs 5] [--rounds 3]
//   The server runs as `npm start` runs it (scripts/server-runtime.mjs: V8 flags, malloc arenas);
//   BENCH_SERVER_NODE_OPTIONS / MALLOC_ARENA_MAX in the environment replace those settings.
// Needs: a built app (npm run build), /usr/bin/docker-registry and /usr/bin/skopeo
// (as root on Debian: apt-get install -y docker-registry skopeo). Traffic stays on 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { serverEnvironment } from "./server-runtime.mjs";

const { values } = parseArgs({ options: { "blob-mib": { type: "string", default: "100" }, blobs: { type: "string", default: "5" }, rounds: { type: "string", default: "3" } } });
const BLOB_MIB = Number(values["blob-mib"]);
const BLOBS = Number(values.blobs);
const ROUNDS = Number(values.rounds);
const CHUNK = 10 * 1024 * 1024;
const MiB = 1024 * 1024;

for (const bin of ["/usr/bin/docker-registry", "/usr/bin/skopeo"]) {
  if (!existsSync(bin)) {
    console.error(`${bin} is missing. Install it: apt-get install -y docker-registry skopeo`);
    process.exit(1);
  }
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("Build the app first: npm run build");
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), "dockyard-bench-"));
const children = [];
process.on("exit", () => {
  for (const c of children) try { process.kill(-c.pid, "SIGTERM"); } catch {}
  rmSync(work, { recursive: true, force: true });
});

function start(cmd, args, env) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  children.push(child);
  return child;
}

async function waitFor(url, headers = {}) {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(url, { headers });
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** RSS of a process and all its descendants, in bytes (from /proc). */
function treeRss(rootPid) {
  const parents = new Map();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {}
  }
  return total;
}

// --- start both registries -----------------------------------------------------------------
const dockyardPort = 3590;
const cncfPort = 5590;
const dataDir = path.join(work, "dockyard");
const cli = (...args) => spawnSync(process.execPath, ["bin/dockyard.mjs", ...args], { env: { ...process.env, DOCKYARD_DATA_DIR: dataDir, DOCKYARD_QUOTA_STORAGE_MIB: "100000", DOCKYARD_QUOTA_UPLOAD_MIB: "10000" }, encoding: "utf8" });
cli("user:create", "--email", "bench@example.com", "--password", "benchmark password");
cli("repo:create", "--email", "bench@example.com", "--name", "bench/blobs");
for (let round = 1; round <= ROUNDS; round++) cli("repo:create", "--email", "bench@example.com", "--name", `bench/image-${round}`);
const password = cli("registry:token", "--email", "bench@example.com").stdout.trim();
const serverEnv = serverEnvironment({ ...process.env, NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS });
const dockyard = start(process.execPath, ["scripts/serve.mjs", "-p", String(dockyardPort), "-H", "127.0.0.1"], {
  ...serverEnv,
  DOCKYARD_DATA_DIR: dataDir, NODE_ENV: "production", DOCKYARD_QUOTA_STORAGE_MIB: "100000", DOCKYARD_QUOTA_UPLOAD_MIB: "10000",
});
mkdirSync(path.join(work, "cncf"), { recursive: true });
writeFileSync(path.join(work, "cncf.yml"), `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(work, "cncf")}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${cncfPort}\n`);
start("/usr/bin/docker-registry", ["serve", path.join(work, "cncf.yml")], {});

const auth = { Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString("base64")}` };
const targets = [
  { name: "dockyard", base: `http://127.0.0.1:${dockyardPort}`, headers: auth, repo: "bench/blobs" },
  { name: "cncf", base: `http://127.0.0.1:${cncfPort}`, headers: {}, repo: "bench/blobs" },
];
await waitFor(`${targets[0].base}/v2/`, auth);
await waitFor(`${targets[1].base}/v2/`);

let peakRss = 0;
const sampler = setInterval(() => {
  const rss = treeRss(dockyard.pid);
  peakRss = Math.max(peakRss, rss);
  peakByOperation[currentOperation] = Math.max(peakByOperation[currentOperation] ?? 0, rss);
}, 100);

// --- workload ------------------------------------------------------------------------------
const sha = (b) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const makeBlobs = () => Array.from({ length: BLOBS }, () => { const bytes = randomBytes(BLOB_MIB * MiB); return { bytes, digest: sha(bytes) }; });

// The client is node:http, not fetch: Node 20's fetch sends a large Buffer body at ~100 MiB/s on
// this machine (node:http: ~700 MiB/s), so with fetch both registries measured the client.
// A fresh agent per round: a server may close a connection left idle while the other registry
// was measured, and reusing it just then fails with "socket hang up".
let agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** A fetch-shaped response over node:http: status, headers.get(), text() and the body stream. */
function send(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { ...headers, "Content-Length": body.length } : headers, agent }, (res) => {
      resolve({
        status: res.statusCode,
        headers: { get: (name) => res.headers[name.toLowerCase()] ?? null },
        body: res,
        text: async () => { let t = ""; for await (const c of res) t += c; return t; },
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function check(res, expected, what) {
  if (res.status !== expected) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** POST to open an upload, then one PUT with the whole blob (distribution 2.8 ignores a POST body). */
async function pushMonolithic(t, blob) {
  const res = await check(await send(`${t.base}/v2/${t.repo}/blobs/uploads/`, { method: "POST", headers: t.headers }), 202, "start upload");
  await res.text();
  const location = new URL(res.headers.get("location"), t.base);
  location.searchParams.set("digest", blob.digest);
  await (await check(await send(location, { method: "PUT", headers: { ...t.headers, "Content-Type": "application/octet-stream" }, body: blob.bytes }), 201, "monolithic push")).text();
}

async function pushChunked(t, blob) {
  let res = await check(await send(`${t.base}/v2/${t.repo}/blobs/uploads/`, { method: "POST", headers: t.headers }), 202, "start upload");
  await res.text();
  let location = new URL(res.headers.get("location"), t.base);
  for (let offset = 0; offset < blob.bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, blob.bytes.length);
    res = await check(await send(location, { method: "PATCH", headers: { ...t.headers, "Content-Type": "application/octet-stream", "Content-Range": `${offset}-${end - 1}` }, body: blob.bytes.subarray(offset, end) }), 202, "patch");
    await res.text();
    location = new URL(res.headers.get("location"), t.base);
  }
  location.searchParams.set("digest", blob.digest);
  await (await check(await send(location, { method: "PUT", headers: t.headers }), 201, "complete upload")).text();
}

async function pull(t, blob) {
  const res = await check(await send(`${t.base}/v2/${t.repo}/blobs/${blob.digest}`, { headers: t.headers }), 200, "pull");
  let n = 0;
  for await (const chunk of res.body) n += chunk.byteLength;
  if (n !== blob.bytes.length) throw new Error(`pull: got ${n} bytes`);
}

/** Peak RSS of Dockyard's server per operation (sampled every 100 ms while it runs). */
const peakByOperation = {};
let currentOperation = "idle";

async function timed(fn, operation = "other") {
  currentOperation = operation;
  const t0 = process.hrtime.bigint();
  await fn();
  currentOperation = "idle";
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function tarGz(name, bytes) {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write("0000644\0", 100); header.write("0000000\0", 108); header.write("0000000\0", 116);
  header.write(bytes.length.toString(8).padStart(11, "0") + "\0", 124);
  header.write("00000000000\0", 136); header.write("        ", 148); header.write("0", 156); header.write("ustar\0" + "00", 257);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  const pad = Buffer.alloc((512 - (bytes.length % 512)) % 512);
  return gzipSync(Buffer.concat([header, bytes, pad, Buffer.alloc(1024)]), { level: 1 });
}

function ociLayout(dir) {
  mkdirSync(path.join(dir, "blobs", "sha256"), { recursive: true });
  const write = (b) => (writeFileSync(path.join(dir, "blobs", "sha256", sha(b).slice(7)), b), { digest: sha(b), size: b.length });
  const layers = Array.from({ length: 5 }, (_, i) => write(tarGz(`layer${i}.bin`, randomBytes(20 * MiB))));
  const config = write(Buffer.from(JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: layers.map((l) => l.digest) } })));
  const manifest = write(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.oci.image.config.v1+json", ...config }, layers: layers.map((l) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", ...l })) })));
  writeFileSync(path.join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(path.join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", ...manifest, annotations: { "org.opencontainers.image.ref.name": "v1" } }] }));
  return layers.reduce((s, l) => s + l.size, 0) + config.size + manifest.size;
}

/** Runs skopeo without blocking the event loop (the RSS sampler keeps running meanwhile). */
function skopeo(args, what) {
  return new Promise((resolve, reject) => {
    const child = spawn("skopeo", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`skopeo ${what}: ${stderr}`))));
  });
}

/** Both servers are warmed up first (a JIT-compiled server is slow on its first requests). */
async function warmUp(t) {
  const warm = Array.from({ length: 2 }, () => { const bytes = randomBytes(16 * MiB); return { bytes, digest: sha(bytes) }; });
  await pushMonolithic(t, warm[0]);
  await pushChunked(t, warm[1]);
  for (let i = 0; i < 3; i++) for (const b of warm) await pull(t, b);
}

/** One round of every operation against one registry, with fresh blobs and a fresh image. */
async function measure(t, round, layout, imageBytes) {
  const r = {};
  // Dirty pages over the kernel's background threshold make every writer wait for the disk: left
  // in place, the second registry's pushes were throttled by the first one's gigabyte of writes.
  spawnSync("sync");
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const op = (name) => `${t.name}:${name}`;
  const total = BLOBS * BLOB_MIB;
  const mono = makeBlobs();
  r.pushMonolithic = total / (await timed(async () => { for (const b of mono) await pushMonolithic(t, b); }, op("pushMonolithic")));
  const chunked = makeBlobs();
  r.pushChunked = total / (await timed(async () => { for (const b of chunked) await pushChunked(t, b); }, op("pushChunked")));
  r.pullSequential = total / (await timed(async () => { for (const b of mono) await pull(t, b); }, op("pullSequential")));
  const all = [...mono, ...chunked];
  r.pullParallel8 = (all.length * BLOB_MIB) / (await timed(async () => {
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => { while (next < all.length) await pull(t, all[next++]); }));
  }, op("pullParallel8")));
  const host = new URL(t.base).host;
  const image = `docker://${host}/bench/image-${round}:v1`;
  const creds = (flag) => (t.name === "dockyard" ? [flag, `AWS:${password}`] : []);
  r.skopeoPush = imageBytes / MiB / (await timed(() => skopeo(["copy", ...creds("--dest-creds"), "--dest-tls-verify=false", `oci:${layout}:v1`, image], `push to ${t.name}`), op("skopeoPush")));
  const pulled = path.join(work, `pulled-${t.name}-${round}`);
  r.skopeoPull = imageBytes / MiB / (await timed(() => skopeo(["copy", ...creds("--src-creds"), "--src-tls-verify=false", image, `oci:${pulled}:v1`], `pull from ${t.name}`), op("skopeoPull")));
  rmSync(pulled, { recursive: true, force: true });
  return r;
}

// Rounds alternate which registry goes first, and each operation's median is reported: this
// shared machine's throughput drifts by tens of percent from one minute to the next.
for (const t of targets) await timed(() => warmUp(t), `${t.name}:warmUp`);
const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
let imageBytes = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const layout = path.join(work, `layout-${round}`);
  imageBytes = ociLayout(layout); // new layers each round, so no registry already has them
  for (const t of round % 2 ? targets : [...targets].reverse()) samples[t.name].push(await measure(t, round, layout, imageBytes));
  rmSync(layout, { recursive: true, force: true });
}
// BENCH_VERBOSE=1 prints every round's figures as JSON.
if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(samples));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const results = Object.fromEntries(Object.entries(samples).map(([name, rounds]) => [name, Object.fromEntries(Object.keys(rounds[0]).map((k) => [k, median(rounds.map((r) => r[k]))]))]));
const ratioRange = (k) => {
  const ratios = samples.dockyard.map((r, i) => r[k] / samples.cncf[i][k]);
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x`;
};
clearInterval(sampler);

const rows = Object.keys(results.dockyard);
console.log(`\nRegistry benchmark: ${BLOBS} × ${BLOB_MIB} MiB blobs, ${CHUNK / MiB} MiB chunks, 5-layer image of ${(imageBytes / MiB).toFixed(0)} MiB; median of ${ROUNDS} rounds (MiB/s, higher is better)\n`);
console.log(`${"operation".padEnd(16)} ${"dockyard".padStart(10)} ${"cncf".padStart(10)} ${"ratio".padStart(7)}   ratio per round`);
for (const k of rows) console.log(`${k.padEnd(16)} ${results.dockyard[k].toFixed(1).padStart(10)} ${results.cncf[k].toFixed(1).padStart(10)} ${(results.dockyard[k] / results.cncf[k]).toFixed(2).padStart(6)}x   ${ratioRange(k)}`);
console.log(`\nServer settings: NODE_OPTIONS="${serverEnv.NODE_OPTIONS}" MALLOC_ARENA_MAX=${serverEnv.MALLOC_ARENA_MAX}`);
console.log(`Dockyard peak server RSS: ${(peakRss / MiB).toFixed(0)} MiB (target < 300 MiB); per operation:`);
for (const [operation, rss] of Object.entries(peakByOperation).filter(([k]) => k.startsWith("dockyard:"))) console.log(`  ${operation.slice(9).padEnd(16)} ${(rss / MiB).toFixed(0)} MiB`);
process.exit(0);
