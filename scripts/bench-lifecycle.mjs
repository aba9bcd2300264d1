#!/usr/bin/env node
// scripts/bench-lifecycle.mjs — speed of the lifecycle-policy engine (lib/ecr/lifecycle).
//   Builds 100,000 synthetic images (prod-/dev-/feature-x-/staging- tags, semver and git-sha tags,
//   ~20% untagged, ~10% archived, ~3% restored, ~5% manifest-list children) and a realistic 10-rule
//   policy mixing tagPrefixList / tagPatternList / untagged / any with imageCountMoreThan,
//   sinceImagePushed, sinceImagePulled (transition) and sinceImageTransitioned. After a warm-up it
//   evaluates the policy repeatedly and prints the median and p95, images/s, the number of actions,
//   peak heap, and the ratio to a baseline measured in the same run: sorting the same images by push
//   time once, the least work any evaluation must do.
// Target: median ≤ 200 ms (exit code 1 above it).
// Usage: node scripts/bench-lifecycle.mjs [--images 100000] [--runs 15]
// Needs nothing but the installed dependencies (tsx loads the TypeScript engine).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// Heap figures need a clean heap before each run: re-run under --expose-gc.
if (typeof globalThis.gc !== "function") {
  const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { tsImport } = await import("tsx/esm/api");
const { parseLifecyclePolicy, evaluateLifecyclePolicy } = await tsImport("../lib/ecr/lifecycle/index.ts", import.meta.url);

const { values } = parseArgs({ options: { images: { type: "string", default: "100000" }, runs: { type: "string", default: "15" } } });
const IMAGES = Number(values.images);
const RUNS = Math.max(10, Number(values.runs));
const WARMUP = 5;
const TARGET_MS = 200;
const DAY = 24 * 60 * 60 * 1000;
const MiB = 1024 * 1024;
const NOW = new Date("2025-01-01T00:00:00Z");

/** mulberry32: the same images on every run and machine. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildImages(count) {
  const rand = random(42);
  const hex = (length) => Array.from({ length }, () => Math.floor(rand() * 16).toString(16)).join("");
  const pick = (items) => items[Math.floor(rand() * items.length)];
  const ago = (days) => new Date(NOW.getTime() - Math.floor(days * DAY));
  const images = [];
  for (let n = 0; n < count; n++) {
    // Whole-minute push times make equal push times (ties) happen, as with CI bursts.
    const pushedDays = Math.floor(rand() * 730 * 24 * 60) / (24 * 60);
    const tags = [];
    if (rand() >= 0.2) {
      const family = pick(["prod", "dev", "dev", "feature-x", "staging", "semver"]);
      tags.push(family === "semver" ? `v${n % 7}.${n % 13}.${n}` : `${family}-${n}`);
      if (rand() < 0.4) tags.push(hex(rand() < 0.5 ? 7 : 40)); // git sha
      if (rand() < 0.05) tags.push(`release-${n}-rc`);
    }
    const archived = rand() < 0.1;
    const restored = !archived && rand() < 0.03;
    images.push({
      digest: `sha256:${hex(64)}`,
      tags,
      pushedAt: ago(pushedDays),
      lastPulledAt: rand() < 0.6 ? ago(rand() * pushedDays) : null,
      storageClass: archived ? "archive" : "standard",
      lastArchivedAt: archived || restored ? ago(rand() * pushedDays) : null,
      lastActivatedAt: restored ? ago(rand() * 30) : null,
      referencedByIndex: rand() < 0.05,
    });
  }
  return images;
}

const expire = { type: "expire" };
const transition = { type: "transition", targetStorageClass: "archive" };
const POLICY = {
  rules: [
    { rulePriority: 1, description: "keep the last 1000 prod images", selection: { tagStatus: "tagged", tagPrefixList: ["prod-"], countType: "imageCountMoreThan", countNumber: 1000 }, action: expire },
    { rulePriority: 2, description: "archive release candidates nobody pulls", selection: { tagStatus: "tagged", tagPatternList: ["release-*-rc"], countType: "sinceImagePulled", countUnit: "days", countNumber: 30 }, action: transition },
    { rulePriority: 3, description: "archive semver builds unpulled for 180 days", selection: { tagStatus: "tagged", tagPatternList: ["v*.*.*"], countType: "sinceImagePulled", countUnit: "days", countNumber: 180 }, action: transition },
    { rulePriority: 4, description: "dev builds live 30 days", selection: { tagStatus: "tagged", tagPrefixList: ["dev-"], countType: "sinceImagePushed", countUnit: "days", countNumber: 30 }, action: expire },
    { rulePriority: 5, description: "keep 200 feature builds", selection: { tagStatus: "tagged", tagPatternList: ["feature-*-*"], countType: "imageCountMoreThan", countNumber: 200 }, action: expire },
    { rulePriority: 6, description: "untagged live a week", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 }, action: expire },
    { rulePriority: 7, description: "cap the repository", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 20000 }, action: expire },
    { rulePriority: 8, description: "archived prod kept two years", selection: { tagStatus: "tagged", tagPrefixList: ["prod-"], storageClass: "archive", countType: "sinceImageTransitioned", countUnit: "days", countNumber: 730 }, action: expire },
    { rulePriority: 9, description: "archived untagged kept 90 days", selection: { tagStatus: "untagged", storageClass: "archive", countType: "sinceImageTransitioned", countUnit: "days", countNumber: 90 }, action: expire },
    { rulePriority: 10, description: "archive kept a year", selection: { tagStatus: "any", storageClass: "archive", countType: "sinceImageTransitioned", countUnit: "days", countNumber: 365 }, action: expire },
  ],
};

function measure(runs, work) {
  const times = [];
  let peakHeap = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc();
    const start = performance.now();
    work();
    times.push(performance.now() - start);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { median: at(0.5), p95: at(0.95), peakHeap };
}

const images = buildImages(IMAGES);
const policy = parseLifecyclePolicy(JSON.stringify(POLICY));
const sortOnly = () => [...images].sort((a, b) => a.pushedAt.getTime() - b.pushedAt.getTime());
let actions = [];
const evaluate = () => {
  actions = evaluateLifecyclePolicy(policy, images, NOW);
};

for (let i = 0; i < WARMUP; i++) {
  sortOnly();
  evaluate();
}
globalThis.gc();
const inputHeap = process.memoryUsage().heapUsed;
const baseline = measure(RUNS, sortOnly);
const result = measure(RUNS, evaluate);

const fmt = (ms) => ms.toFixed(1);
const byAction = {};
for (const { action } of actions) byAction[action] = (byAction[action] ?? 0) + 1;
console.log(`lifecycle evaluation: ${IMAGES.toLocaleString("en")} images × ${policy.rules.length} rules, ${RUNS} runs after ${WARMUP} warm-up (node ${process.version})`);
console.log(`  actions: ${actions.length.toLocaleString("en")} (${Object.entries(byAction).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")})`);
console.log(`  evaluate median ${fmt(result.median)} ms, p95 ${fmt(result.p95)} ms · ${Math.round((IMAGES / result.median) * 1000).toLocaleString("en")} images/s`);
console.log(`  sort-only baseline median ${fmt(baseline.median)} ms, p95 ${fmt(baseline.p95)} ms`);
console.log(`  peak heap used ${(result.peakHeap / MiB).toFixed(1)} MiB (inputs alone ${(inputHeap / MiB).toFixed(1)} MiB)`);
const ok = result.median <= TARGET_MS;
console.log(`evaluate median ${fmt(result.median)} ms (target ≤ ${TARGET_MS} ms) · ${(result.median / baseline.median).toFixed(1)}× the sort-only baseline (${fmt(baseline.median)} ms) · ${ok ? "PASS" : "FAIL"}`);
process.exit(ok ? 0 : 1);
