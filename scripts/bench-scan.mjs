#!/usr/bin/env node
// scripts/bench-scan.mjs — speed and memory of the image scanner (lib/scanner) on a large image.
//   Generates a ~100 MiB image (--mib: tar bytes over 4 gzip layers) of realistic entries:
//   directories, symlinks, about 4,000 files from 100 B to 4 MiB whose content is half
//   word-like text and half pseudo-random bytes (so gzip shrinks it about 1.5:1, as real layers,
//   not 1000:1), /etc/os-release, a dpkg status database of 150 packages and an npm lockfile.
//   Stores it in a temporary filesystem blob store, then alternates, after a warm-up:
//     · scanImage (decompress, walk every tar entry, inventory, match the curated advisory feed)
//     · `gzip -dc <the same layer blob files> > /dev/null` in a child process, the baseline
//     · node's own gunzip of the same files, for information (where the scanner's time goes)
//   and prints the medians as MiB/s of tar, the ratio scan / gzip -dc (target ≤ 1.3×), and the
//   scan's growth of heap + external buffers (and RSS) over what was in use before it (bound: ≤ 96 MiB, i.e. the scanner's
//   64 MiB limit on buffered files plus 32 MiB of streaming buffers, whatever the image size).
// Exit code 1 when the ratio or the memory bound is exceeded.
// Usage: node scripts/bench-scan.mjs [--mib 100] [--runs 5] [--keep]
// The machine's load matters: both sides are measured in the same run, interleaved, so the
// ratio is meaningful even on a busy machine; the absolute MiB/s are not.
import { spawnSync } from "node:child_process";
import { createCipheriv, createHash } from "node:crypto";
import { createReadStream, mkdtempSync, openSync, closeSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGunzip, gzipSync } from "node:zlib";

// Heap figures need a clean heap before each run: re-run under --expose-gc.
if (typeof globalThis.gc !== "function") {
  const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({ options: { mib: { type: "string", default: "100" }, runs: { type: "string", default: "5" }, keep: { type: "boolean", default: false } } });
const MiB = 1024 * 1024;
const TAR_BYTES = Number(values.mib) * MiB;
const RUNS = Math.max(3, Number(values.runs));
const TARGET_RATIO = 1.3;
const HEAP_BOUND = 96 * MiB;

const { tsImport } = await import("tsx/esm/api");
const { scanImage } = await tsImport("../lib/scanner/index.ts", import.meta.url);
const { loadAdvisories } = await tsImport("../lib/scanner/advisories.ts", import.meta.url);
const { fsBlobStore } = await tsImport("../lib/blobstore/fs-blob-store.ts", import.meta.url);
const { blobKey } = await tsImport("../lib/registry/layout.ts", import.meta.url);
const { parseDigest } = await tsImport("../lib/registry/digest.ts", import.meta.url);

/** mulberry32: the same image on every run and machine. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(7);
const pick = (items) => items[Math.floor(rand() * items.length)];

// Content pools: slices of these at random offsets are further apart than gzip's 32 KiB window.
const RANDOM_POOL = createCipheriv("aes-128-ctr", Buffer.alloc(16, 1), Buffer.alloc(16, 2)).update(Buffer.alloc(16 * MiB));
const WORDS = "the of and to in is for on with as by at from this that are be or an it not config value error return function const import export default string number module path file data user server client request response version package install library static shared object".split(" ");
const TEXT_POOL = (() => {
  const parts = [];
  let length = 0;
  while (length < 8 * MiB) {
    const line = Array.from({ length: 4 + Math.floor(rand() * 12) }, () => pick(WORDS) + (rand() < 0.1 ? String(Math.floor(rand() * 1000)) : "")).join(rand() < 0.2 ? "_" : " ") + "\n";
    parts.push(line);
    length += line.length;
  }
  return Buffer.from(parts.join(""));
})();
const slice = (pool, size) => {
  const start = Math.floor(rand() * (pool.length - size));
  return pool.subarray(start, start + size);
};
/** Half text, half random bytes, interleaved in 4 KiB runs. */
function content(size) {
  const parts = [];
  for (let left = size; left > 0; ) {
    const run = Math.min(left, 4096);
    parts.push(slice(rand() < 0.5 ? TEXT_POOL : RANDOM_POOL, run));
    left -= run;
  }
  return Buffer.concat(parts, size);
}
function fileSize() {
  // Most files of a real root filesystem are small; a few large ones hold most of the bytes.
  const r = rand();
  if (r < 0.8) return 100 + Math.floor(rand() * 6 * 1024);
  if (r < 0.97) return 6 * 1024 + Math.floor(rand() * 58 * 1024);
  if (r < 0.997) return 64 * 1024 + Math.floor(rand() * 448 * 1024);
  return MiB + Math.floor(rand() * 3 * MiB);
}

// ustar writer (names ≤ 100 bytes here, so no prefix field is needed).
const octal = (value, width) => `${value.toString(8).padStart(width - 1, "0")}\0`;
function tarHeader(name, type, size, linkname = "") {
  const h = Buffer.alloc(512);
  h.write(name, 0, "utf8");
  h.write(octal(type === "5" ? 0o755 : 0o644, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(1700000000, 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(type, 156, "ascii");
  h.write(linkname, 157, "utf8");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}
class Tar {
  parts = [];
  bytes = 0;
  push(buffer) {
    this.parts.push(buffer);
    this.bytes += buffer.length;
  }
  dir(name) {
    this.push(tarHeader(`${name}/`, "5", 0));
  }
  symlink(name, target) {
    this.push(tarHeader(name, "2", 0, target));
  }
  file(name, data) {
    this.push(tarHeader(name, "0", data.length));
    this.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) this.push(Buffer.alloc(pad));
  }
  end() {
    this.push(Buffer.alloc(1024));
    return Buffer.concat(this.parts, this.bytes);
  }
}

function dpkgStatus(count) {
  const stanzas = [];
  for (let i = 0; i < count; i++) {
    // Two real bookworm packages at versions the curated feed flags (CVE-2023-4911, CVE-2024-6387).
    const name = i === 0 ? "libc6" : i === 1 ? "openssh-server" : `lib${pick(WORDS)}${i}`;
    const version = i === 0 ? "2.36-9+deb12u1" : i === 1 ? "1:9.2p1-2+deb12u2" : `${1 + (i % 4)}.${i % 10}.${i % 7}-${1 + (i % 3)}`;
    const source = i === 0 ? "glibc" : i === 1 ? "openssh" : `${pick(WORDS)}-src`;
    stanzas.push(`Package: ${name}\nStatus: install ok installed\nPriority: optional\nSection: libs\nInstalled-Size: ${100 + i}\nMaintainer: Debian Maintainers <maint@example.org>\nArchitecture: amd64\nMulti-Arch: same\nSource: ${source}\nVersion: ${version}\nDepends: libc6 (>= 2.34)\nDescription: ${pick(WORDS)} ${pick(WORDS)} library\n ${TEXT_POOL.subarray(i * 97, i * 97 + 300).toString().replace(/\n/g, " ")}\n`);
  }
  return Buffer.from(stanzas.join("\n"));
}

function packageLock(count) {
  const packages = { "": { name: "bench-app", version: "1.0.0" } };
  for (let i = 0; i < count; i++) packages[`node_modules/${pick(WORDS)}-${i}`] = { version: `${i % 5}.${i % 11}.${i % 3}`, resolved: `https://registry.npmjs.org/x/-/x-${i}.tgz`, integrity: `sha512-${createHash("sha512").update(String(i)).digest("base64")}` };
  return Buffer.from(JSON.stringify({ name: "bench-app", version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2));
}

/** Four layers sharing the tar budget: base system, runtime libraries, the app, large assets. */
function buildLayers() {
  const share = [0.3, 0.25, 0.25, 0.2];
  const layers = [];
  let files = 0;
  share.forEach((fraction, n) => {
    const tar = new Tar();
    const top = ["base", "runtime", "app", "assets"][n];
    if (n === 0) {
      for (const d of ["etc", "usr", "usr/lib", "var", "var/lib", "var/lib/dpkg", "usr/lib/os-release.d"]) tar.dir(d);
      tar.file("usr/lib/os-release", Buffer.from('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n'));
      tar.symlink("etc/os-release", "../usr/lib/os-release");
      tar.file("var/lib/dpkg/status", dpkgStatus(150));
    }
    if (n === 2) {
      tar.dir("app");
      tar.file("app/package-lock.json", packageLock(300));
    }
    const budget = TAR_BYTES * fraction;
    let dirIndex = 0;
    while (tar.bytes < budget) {
      const dir = `${top}/${pick(WORDS)}${dirIndex++}`;
      tar.dir(dir);
      const perDir = 5 + Math.floor(rand() * 40);
      for (let i = 0; i < perDir && tar.bytes < budget; i++) {
        const name = `${dir}/${pick(WORDS)}-${i}.${pick(["so", "js", "py", "txt", "bin", "json"])}`;
        if (rand() < 0.05) tar.symlink(`${name}.link`, name.slice(name.lastIndexOf("/") + 1));
        tar.file(name, content(Math.min(fileSize(), Math.max(512, budget - tar.bytes))));
        files += 1;
      }
    }
    layers.push(tar.end());
  });
  return { layers, files };
}

function digestOf(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 1) => n.toFixed(d);

const root = mkdtempSync(path.join(tmpdir(), "dockyard-bench-scan-"));
try {
  const genStart = performance.now();
  const { layers: tars, files } = buildLayers();
  const blobs = fsBlobStore(root);
  const put = async (bytes) => {
    const digest = digestOf(bytes);
    await blobs.put(blobKey(parseDigest(digest)), bytes);
    return { digest, size: bytes.length };
  };
  const layerBlobs = [];
  let tarBytes = 0;
  for (const tar of tars) {
    tarBytes += tar.length;
    layerBlobs.push({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", ...(await put(gzipSync(tar))) });
  }
  tars.length = 0;
  const config = await put(Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: [] }, config: {} })));
  const manifest = await put(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.oci.image.config.v1+json", ...config }, layers: layerBlobs })));
  const layerFiles = layerBlobs.map((l) => path.join(root, ...blobKey(parseDigest(l.digest)).split("/")));
  const gzBytes = layerBlobs.reduce((n, l) => n + l.size, 0);
  const advisories = await loadAdvisories(path.join(process.cwd(), "content", "advisories"));
  console.log(`image: ${fmt(tarBytes / MiB)} MiB of tar in ${layerBlobs.length} gzip layers (${fmt(gzBytes / MiB)} MiB, ${fmt(tarBytes / gzBytes, 2)}:1), ${files.toLocaleString("en")} files; generated in ${fmt((performance.now() - genStart) / 1000)} s`);

  async function timeScan() {
    globalThis.gc();
    // Buffers (layer chunks, kept files) live outside the JS heap: count heapUsed + external.
    const used = (m) => m.heapUsed + m.external;
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = used(before);
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, used(m));
    }, 5);
    const start = performance.now();
    const result = await scanImage(blobs, manifest.digest, { advisories });
    const ms = performance.now() - start;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    peakHeap = Math.max(peakHeap, used(after));
    if (!result.ok) throw new Error(`scan failed: ${result.description}`);
    return { ms, result, heapGrowth: peakHeap - used(before), peakRss: peakRss - before.rss };
  }
  function timeGzip() {
    const devNull = openSync("/dev/null", "w");
    try {
      const start = performance.now();
      const child = spawnSync("gzip", ["-dc", ...layerFiles], { stdio: ["ignore", devNull, "pipe"] });
      const ms = performance.now() - start;
      if (child.status !== 0) throw new Error(`gzip -dc failed: ${child.stderr}`);
      return ms;
    } finally {
      closeSync(devNull);
    }
  }
  async function timeNodeGunzip() {
    const start = performance.now();
    // The blob store's 1 MiB reads and the scanner's 256 KiB inflate chunks (lib/scanner/decompress.ts).
    for (const file of layerFiles) await pipeline(createReadStream(file, { highWaterMark: MiB }), createGunzip({ chunkSize: 256 * 1024 }), new Writable({ write: (_chunk, _enc, cb) => cb() }));
    return performance.now() - start;
  }

  await timeScan();
  timeGzip();
  const scans = [];
  const gzips = [];
  const nodes = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    last = await timeScan();
    scans.push(last);
    gzips.push(timeGzip());
    nodes.push(await timeNodeGunzip());
  }
  const scanMs = median(scans.map((s) => s.ms));
  const gzipMs = median(gzips);
  const nodeMs = median(nodes);
  const rate = (ms) => fmt(tarBytes / MiB / (ms / 1000));
  const heapGrowth = Math.max(...scans.map((s) => s.heapGrowth));
  const peakRss = Math.max(...scans.map((s) => s.peakRss));
  const r = last.result;
  console.log(`scan: ${r.packages.length} packages, ${r.findings.length} findings, ${r.layersRead} layers, ${fmt(r.bytesDecompressed / MiB)} MiB decompressed; ${RUNS} runs after a warm-up (node ${process.version})`);
  console.log(`  scanImage       median ${fmt(scanMs, 0)} ms · ${rate(scanMs)} MiB/s   (runs: ${scans.map((s) => fmt(s.ms, 0)).join(", ")})`);
  console.log(`  gzip -dc        median ${fmt(gzipMs, 0)} ms · ${rate(gzipMs)} MiB/s   (runs: ${gzips.map((m) => fmt(m, 0)).join(", ")})`);
  console.log(`  node gunzip     median ${fmt(nodeMs, 0)} ms · ${rate(nodeMs)} MiB/s   (information: decompression alone, in this process)`);
  console.log(`  memory during a scan (most of any run): heap + external buffers grew ${fmt(heapGrowth / MiB)} MiB (bound ${HEAP_BOUND / MiB} MiB), RSS grew ${fmt(peakRss / MiB)} MiB (process RSS ${fmt(process.memoryUsage().rss / MiB)} MiB incl. the generator's pools)`);
  const ratio = scanMs / gzipMs;
  const ok = ratio <= TARGET_RATIO && heapGrowth <= HEAP_BOUND;
  console.log(`scan ${fmt(ratio, 2)}× gzip -dc of the same layers (target ≤ ${TARGET_RATIO}×) · memory growth ${fmt(heapGrowth / MiB)} MiB (≤ ${HEAP_BOUND / MiB} MiB) · ${ok ? "PASS" : "FAIL"}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
