// The server half of scripts/bench-review.mjs: seeds learners with realistic decks and review
// histories into a fresh SQLite database, then serves the review round trip over HTTP through the
// same lib/learn functions the review page and its server action call:
//   GET  /next         loadReview: the question on the learner's screen, or the session summary
//   POST /answer       answerShowing with the JSON body (the answer form's server action)
//   POST /new-session  startNewSession (the summary's "new session" button)
//   GET  /baseline     one indexed SELECT of the learner's next due card (the floor)
// The learner is the x-learner header (one per benchmark connection).
// Prints "ready <json>" on stdout once listening. Options: --learners --cards --port --logs-per-card
// --dir (an existing bench.db there is reused instead of seeded)
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createGuest } from "@/lib/auth/users";
import { systemClock } from "@/lib/core/clock";
import { randomIds } from "@/lib/core/ids";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { buildQuestionCatalog } from "@/lib/content/questions";
import type { LoadedQuestion } from "@/lib/content/load-questions";
import { QuestionSchema } from "@/lib/content/question-schema";
import { createDb } from "@/lib/db/client";
import { startWalCheckpointer } from "@/lib/db/wal-checkpointer";
import { migrateDatabase } from "@/lib/db/migrate";
import { answerShowing } from "@/lib/learn/answer";
import { snapshotJson } from "@/lib/learn/card-snapshot";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { loadReview, startNewSession } from "@/lib/learn/review-flow";
import { scheduleCard, type CardState } from "@/lib/learn/scheduler";
import type { RatingName } from "@/lib/learn/review-types";

const { values } = parseArgs({ options: { learners: { type: "string", default: "100" }, cards: { type: "string", default: "10000" }, port: { type: "string", default: "3591" }, dir: { type: "string" }, "logs-per-card": { type: "string", default: "3" } } });
const LEARNERS = Number(values.learners);
const CARDS = Number(values.cards);
const LOGS_PER_CARD = Number(values["logs-per-card"]);
const DAY = 86_400_000;
if (!values.dir) throw new Error("--dir is required");

// A deterministic pseudo-random source (mulberry32), so two runs seed the same decks.
let randomState = 42;
function random(): number {
  randomState = (randomState + 0x6d2b79f5) | 0;
  let t = Math.imul(randomState ^ (randomState >>> 15), 1 | randomState);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A single-answer question, validated by the bank's own schema, spread over the nine topics. */
function syntheticQuestion(i: number): LoadedQuestion {
  const option = (key: string) => ({ key, ja: { text: `選択肢 ${key}（${i}）`, why: `選択肢 ${key} の解説です。` }, en: { text: `Option ${key} of ${i}`, why: `Why option ${key} is ${key === "a" ? "right" : "wrong"}.` } });
  const question = QuestionSchema.parse({
    id: `bench-q-${i}`,
    type: "single",
    topic: EXAM_TOPICS[i % EXAM_TOPICS.length],
    difficulty: 1 + (i % 3),
    lesson: "what-is-ecr#overview",
    options: ["a", "b", "c", "d"].map(option),
    answer: ["a"],
    ja: { stem: `ベンチマーク用の問題 ${i} です。正しいものはどれですか。`, explanation: "ベンチマークのために生成された問題で、正解は常に a です。" },
    en: { stem: `Benchmark question ${i}: which option is right?`, explanation: "A question generated for the benchmark; the answer is always a." },
  });
  return { ...question, file: "bench-review.yaml", line: i + 1 };
}

/**
 * Realistic card states, made by the scheduler itself: histories of 1–12 answers spaced as FSRS
 * asked, with ~15 % lapses. Running the scheduler for a million cards would take minutes, so a pool
 * of histories is simulated once and each card takes one, shifted in time; the shift spreads due
 * dates so that about 7 % of a deck is due at the start of the run.
 */
function historyPool(now: Date, size = 2000): { card: CardState; logs: { at: Date; rating: number; before: CardState | null; after: CardState }[] }[] {
  return Array.from({ length: size }, () => {
    let card: CardState | null = null;
    let at = new Date(now.getTime() - 400 * DAY);
    const logs = [];
    const answers = 1 + Math.floor(random() * 12);
    for (let i = 0; i < answers; i++) {
      const rating: RatingName = random() < 0.15 ? "again" : random() < 0.1 ? "hard" : "good";
      const before: CardState | null = card;
      card = scheduleCard(card, rating, at, 0.9);
      logs.push({ at, rating: ["again", "hard", "good", "easy"].indexOf(rating) + 1, before, after: card });
      at = card.due;
    }
    return { card: card!, logs };
  });
}

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00"); // Prisma's SQLite DateTime text

async function seedDecks(dbFile: string, userIds: string[], questions: LoadedQuestion[], now: Date) {
  const pool = historyPool(now);
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF"); // seeding only; the server opens the file normally
  const insertCard = sqlite.prepare("INSERT INTO ReviewCard (userId, questionId, state, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, lastReview, introducedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  const insertLog = sqlite.prepare("INSERT INTO ReviewLog (id, userId, showingId, sessionId, questionId, mode, chosen, correct, rating, confidence, durationMs, stateBefore, stateAfter, dueBefore, dueAfter, cardBefore, cardAfter, reviewedAt) VALUES (?,?,?,?,?,'review',?,?,?,'sure',?,?,?,?,?,?,?,?)");
  let logs = 0;
  for (const userId of userIds) {
    sqlite.transaction(() => {
      for (let i = 0; i < CARDS; i++) {
        const h = pool[Math.floor(random() * pool.length)]!;
        // Shift the history so that 7 % of the cards are up to 5 days overdue and the others are
        // somewhere within their current interval (last reviewed in the past, due in the future).
        const interval = h.card.due.getTime() - (h.card.lastReview ?? h.card.due).getTime();
        const target = now.getTime() + (random() < 0.07 ? -random() * 5 * DAY : random() * interval);
        const shift = target - h.card.due.getTime();
        const s = (d: Date) => new Date(d.getTime() + shift);
        const c = h.card;
        insertCard.run(userId, questions[i]!.id, c.state, iso(s(c.due)), c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.lastReview ? iso(s(c.lastReview)) : null, iso(s(h.logs[0]!.at)));
        for (const l of h.logs.slice(-LOGS_PER_CARD)) {
          const shifted = (card: CardState) => ({ ...card, due: s(card.due), lastReview: card.lastReview ? s(card.lastReview) : null });
          insertLog.run(randomIds.id(), userId, randomIds.id(), `seed-${userId}-${Math.floor(logs / 20)}`, questions[i]!.id, "a", l.rating > 1 ? 1 : 0, l.rating, 4000, l.before?.state ?? 0, l.after.state, l.before ? iso(s(l.before.due)) : null, iso(s(l.after.due)), l.before ? snapshotJson(shifted(l.before)) : null, snapshotJson(shifted(l.after)), iso(s(l.at)));
          logs += 1;
        }
      }
    })();
  }
  // Fold the seeding's WAL into the file now, or the first answers would pay for it.
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return logs;
}

const dir = values.dir;
const dbFile = path.join(dir, "bench.db");
// A database seeded by an earlier run (--data-dir) is reused as it is: seeding takes minutes.
const reuse = existsSync(dbFile);
migrateDatabase(dbFile, path.join(process.cwd(), "prisma", "migrations"));
const db = createDb(dbFile);
const questions = Array.from({ length: CARDS }, (_, i) => syntheticQuestion(i));
const catalog = buildQuestionCatalog(questions);
const setupDeps = { db, clock: systemClock, ids: randomIds };
const userIds: string[] = [];
const seedStarted = performance.now();
let logCount: number;
if (reuse) {
  userIds.push(...(await db.user.findMany({ orderBy: { createdAt: "asc" }, take: LEARNERS, select: { id: true } })).map((u) => u.id));
  logCount = await db.reviewLog.count();
} else {
  for (let i = 0; i < LEARNERS; i++) userIds.push((await createGuest(setupDeps, "ja")).id);
  logCount = await seedDecks(dbFile, userIds, questions, new Date());
}
const seedSeconds = (performance.now() - seedStarted) / 1000;
startWalCheckpointer(dbFile); // as the app's server does (lib/jobs/background-jobs.ts)

const deps: ReviewDeps = { db, clock: systemClock, ids: randomIds, questions: catalog };
const scope = { mode: "review" as const, topic: null };

/**
 * The review page's screen: the question on it (`answer` is for the benchmark's client only), or
 * the session summary that follows a session's 20th answer, as the review page's loadReview.
 */
async function next(userId: string): Promise<{ showingId: string; questionId: string; answer: string[] } | { summary: true } | null> {
  const view = await loadReview(deps, userId, scope);
  if (view.kind === "summary") return { summary: true };
  return view.kind === "question" ? { showingId: view.showingId, questionId: view.question.id, answer: view.question.answer } : null;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** The answer form's server action: answerShowing validates the body (zod) like the action does. */
async function answer(userId: string, body: unknown) {
  const outcome = await answerShowing(deps, userId, body);
  return { correct: outcome.correct, rating: outcome.rating, nextDue: outcome.nextDue, alreadyAnswered: outcome.alreadyAnswered };
}

let failures = 0;

function learnerOf(req: http.IncomingMessage): string {
  return userIds[Number(req.headers["x-learner"] ?? 0) % userIds.length]!;
}

http
  .createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://bench");
      const userId = learnerOf(req);
      let result: unknown;
      if (req.method === "GET" && url.pathname === "/next") result = await next(userId);
      else if (req.method === "POST" && url.pathname === "/answer") result = await answer(userId, await readJson(req));
      else if (req.method === "POST" && url.pathname === "/new-session") result = await startNewSession(deps, userId, scope).then(() => null); // the summary's button
      else if (req.method === "GET" && url.pathname === "/baseline") result = await db.reviewCard.findFirst({ where: { userId, due: { lte: new Date() } }, orderBy: { due: "asc" }, select: { questionId: true } });
      else {
        res.statusCode = 404;
        return res.end();
      }
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(result));
    } catch (error) {
      if (failures++ < 3) console.error(error); // the client reports the count
      res.statusCode = 500;
      res.end(String(error));
    }
  })
  .listen(Number(values.port), "127.0.0.1", () => {
    process.stdout.write(`ready ${JSON.stringify({ learners: LEARNERS, cards: CARDS, logs: logCount, seedSeconds, reused: reuse })}\n`);
  });

// Exit normally on a signal, so --cpu-prof can write its profile.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
