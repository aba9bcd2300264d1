#!/usr/bin/env node
// scripts/bench-review.mjs — the review round trip under load. Seeds learners with big decks and
// realistic review histories (scripts/bench-review-server.ts, a child process serving the real
// lib/learn code over HTTP), then has every learner load the review screen and act on it: GET /next
// (loadReview) chained with POST /answer (answerShowing, naming the showing the GET returned). After
// a session's 20th answer the screen is the session summary, and the action is its "new session"
// button (POST /new-session), as in the app, where the summary is a page of its own. A round
// trip's latency is the two requests' latencies summed.
//   paced:    each learner on its own keep-alive connection answers every --pace seconds (default
//             5: a fast human), learners staggered evenly: the latency a learner sees.
//             Target: p95 ≤ 20 ms on this 2-core machine (exit code 1 above it).
//   stress:   the same at one answer per second per learner (five times the default pace).
//   flat out: autocannon, one connection per learner, no pause: the throughput ceiling. Latency
//             there is queueing (with N requests always in flight, latency = N / throughput).
// Baseline, same run, same pacing: two GET /baseline (one indexed SELECT each) through the same
// server, so the ratio shows the review logic's cost over the HTTP + Prisma floor.
// Usage: node scripts/bench-review.mjs [--learners 100] [--cards 10000] [--duration 20] [--pace 5]
//          [--connections <learners>] [--logs-per-card 3]
//          [--cpu-prof <dir>]  (the server's V8 CPU profile)
//          [--data-dir <dir>]  (keep the seeded database there; later runs reuse it, answers included)
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const options = {
  learners: { type: "string", default: "100" },
  cards: { type: "string", default: "10000" },
  duration: { type: "string", default: "20" },
  pace: { type: "string", default: "5" },
  connections: { type: "string" },
  "logs-per-card": { type: "string", default: "3" },
  "cpu-prof": { type: "string" },
  "data-dir": { type: "string" },
};
const { values } = parseArgs({ options });
const LEARNERS = Number(values.learners);
const CONNECTIONS = Number(values.connections ?? values.learners);
const DURATION = Number(values.duration);
const PACE = Number(values.pace);
const TARGET_MS = 20;
const PORT = 3591;
const dir = values["data-dir"] ? path.resolve(values["data-dir"]) : mkdtempSync(path.join(tmpdir(), "dockyard-bench-review-"));
mkdirSync(dir, { recursive: true });

// The server runs with npm start's V8 flags (scripts/start.mjs), in its own process, so the load
// generator's work does not sit on the server's event loop.
const serverArgs = ["--dir", dir, "--learners", String(LEARNERS), "--cards", values.cards, "--port", String(PORT), "--logs-per-card", values["logs-per-card"]];
const profile = values["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(values["cpu-prof"])] : [];
const server = spawn(process.execPath, ["--max-semi-space-size=64", ...profile, "--import", "tsx", "scripts/bench-review-server.ts", ...serverArgs], { stdio: ["ignore", "pipe", "inherit"] });
process.on("exit", () => {
  server.kill(); // the server exits on SIGTERM, writing its profile
  if (!values["data-dir"]) rmSync(dir, { recursive: true, force: true });
});

console.log(`Seeding ${LEARNERS} learners × ${values.cards} cards (${values["logs-per-card"]} review logs per card)…`);
const ready = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).on("line", (line) => line.startsWith("ready ") && resolve(JSON.parse(line.slice(6))));
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});
console.log(`${ready.reused ? "Reused" : "Seeded"} ${ready.cards * ready.learners} cards and ${ready.logs} review logs in ${ready.seedSeconds.toFixed(1)} s.\n`);

const NO_QUESTION = "A learner has no question left (nothing due, no new allowance): run with more --cards or a shorter --duration.";

/** The answer to the question on screen: right 85 % of the time. */
function answerBody(shown) {
  const chosen = Math.random() < 0.85 ? shown.answer : ["b"];
  return JSON.stringify({ showingId: shown.showingId, questionId: shown.questionId, chosen, confidence: "sure", durationMs: 5000 });
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

function report(title, roundTrips, requests, duration) {
  const sorted = [...roundTrips].sort((a, b) => a - b);
  const stats = { title, perSecond: roundTrips.length / duration, requestsPerSecond: requests / duration, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  const ms = (v) => `${v.toFixed(1).padStart(7)} ms`;
  console.log(`${title.padEnd(40)} ${stats.perSecond.toFixed(0).padStart(4)} round trips/s ${stats.requestsPerSecond.toFixed(0).padStart(4)} req/s   p50 ${ms(stats.p50)}   p95 ${ms(stats.p95)}   p99 ${ms(stats.p99)}`);
  return stats;
}

/** One HTTP request on the learner's keep-alive connection; the body of a 200, else an error. */
function request(agent, learner, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const headers = { "x-learner": learner, ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}) };
    const req = http.request({ host: "127.0.0.1", port: PORT, method, path: urlPath, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString("utf8")) : reject(new Error(`${method} ${urlPath}: HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The request that acts on the screen GET /next returned: answer its question or start a new session. */
function action(shown) {
  if (!shown) throw new Error(NO_QUESTION);
  return shown.summary ? { path: "/new-session", body: "{}" } : { path: "/answer", body: answerBody(shown) };
}

const reviewRoundTrip = async (agent, learner) => {
  const { path: actionPath, body } = action(JSON.parse(await request(agent, learner, "GET", "/next")));
  await request(agent, learner, "POST", actionPath, body);
};
const baselineRoundTrip = async (agent, learner) => {
  await request(agent, learner, "GET", "/baseline");
  await request(agent, learner, "GET", "/baseline");
};

/**
 * Every learner starts a round trip every `pace` seconds (right after the previous one if that
 * took longer), the learners' starts spread evenly over the pace: no thundering herd.
 */
async function paced(title, roundTrip, pace, duration = DURATION) {
  const latencies = [];
  const end = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const learner = String(i % LEARNERS);
      for (let slot = performance.now() + (i / CONNECTIONS) * pace * 1000; slot < end; slot += pace * 1000) {
        await sleep(Math.max(0, slot - performance.now()));
        const started = performance.now();
        await roundTrip(agent, learner);
        latencies.push(performance.now() - started);
      }
      agent.destroy();
    }),
  );
  return report(title, latencies, latencies.length * 2, duration);
}

/** autocannon flat out, each connection a learner chaining GET /next and POST /answer. */
async function flatOut(title) {
  let learner = 0;
  const roundTrips = [];
  const firstHalf = new Map();
  const instance = autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: DURATION,
    setupClient: (client) => client.setHeaders({ "x-learner": String(learner++ % LEARNERS) }),
    requests: [
      // The context carries the showing to the answer; autocannon clears it when the cycle restarts.
      { method: "GET", path: "/next", onResponse: (_status, body, context) => (context.shown = JSON.parse(body)) },
      // After a reconnect (a timeout) there is no showing yet: start the cycle over.
      {
        method: "POST",
        setupRequest: (req, context) => {
          if (!("shown" in context)) return null;
          const { path: actionPath, body } = action(context.shown);
          return { ...req, path: actionPath, headers: { ...req.headers, "content-type": "application/json" }, body };
        },
      },
    ],
  });
  let requests = 0;
  instance.on("response", (client, status, _bytes, ms) => {
    if (status !== 200) return;
    requests += 1;
    const first = firstHalf.get(client);
    if (first === undefined) firstHalf.set(client, ms);
    else {
      firstHalf.delete(client);
      roundTrips.push(first + ms);
    }
  });
  const result = await instance;
  const failed = result.errors + result.non2xx + result.timeouts;
  const stats = report(title, roundTrips, requests, DURATION);
  if (failed) console.log(`${"".padEnd(40)} ${failed} requests failed or timed out (a transaction waits at most 10 s for the database)`);
  return stats;
}

console.log(`${CONNECTIONS} learners, ${DURATION} s per run; round trip = GET /next + POST /answer:`);
await paced("warm-up", reviewRoundTrip, 1, 5);
const baseline = await paced(`baseline: 2 indexed SELECTs, every ${PACE} s`, baselineRoundTrip, PACE);
const review = await paced(`answer + next card, every ${PACE} s`, reviewRoundTrip, PACE);
const stress = await paced("answer + next card, every 1 s", reviewRoundTrip, 1);
const flat = await flatOut("answer + next card, flat out");
const pass = review.p95 <= TARGET_MS;
console.log(`
Round trip p95 with ${CONNECTIONS} learners answering every ${PACE} s: ${review.p95.toFixed(1)} ms: ${pass ? "PASS" : "FAIL"} (target ≤ ${TARGET_MS} ms).
  Against the baseline measured just before: p50 ${(review.p50 / baseline.p50).toFixed(1)}×, p95 ${(review.p95 / baseline.p95).toFixed(1)}× (baseline p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms).
  Every 1 s: p95 ${stress.p95.toFixed(1)} ms (${(stress.p95 / baseline.p95).toFixed(1)}× the baseline's p95). Flat out: ${flat.perSecond.toFixed(0)} round trips/s, ${flat.requestsPerSecond.toFixed(0)} requests/s.`);
process.exit(pass ? 0 : 1);
