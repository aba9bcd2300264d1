// "Which card is next" must stay an index seek however large a learner's deck grows. This test
// records the SQL Prisma actually sends while a queue is served and asks SQLite for each query's
// plan: no review table may be scanned. (The benchmark comes later; this guards the design.)
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuest } from "@/lib/auth/users";
import { getQuestionCatalog } from "@/lib/content/questions";
import { PrismaClient } from "@/lib/db/generated/client";
import { answerShowing } from "@/lib/learn/answer";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { loadReview } from "@/lib/learn/review-flow";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-01-15T09:00:00Z");
const questions = getQuestionCatalog();
const logged: { sql: string; params: unknown[] }[] = [];
const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: env.deps.config.databaseFile }), log: [{ emit: "event", level: "query" }] });
db.$on("query", (e) => logged.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
const rd: ReviewDeps = { ...env.deps, db, questions };
let userId = "";
let freshId = "";

beforeAll(async () => {
  userId = (await createGuest(rd, "ja")).id;
  freshId = (await createGuest(rd, "ja")).id; // nothing due: exercises the new-question path
  // A big deck of other learners plus this one's own cards, so a scan would be visible in the plan.
  const others = await Promise.all(Array.from({ length: 20 }, () => createGuest(rd, "en")));
  const rows = [...others.map((o) => o.id), userId].flatMap((uid, u) =>
    questions.all.slice(0, 120).map((q, i) => ({ userId: uid, questionId: q.id, state: 2, due: new Date(Date.UTC(2026, 0, 10 + ((i + u) % 20))), stability: 5, difficulty: 5, scheduledDays: 5, learningSteps: 0, reps: 3, lapses: 0, lastReview: new Date("2026-01-05T00:00:00Z"), introducedAt: new Date("2026-01-01T00:00:00Z") })),
  );
  await db.reviewCard.createMany({ data: rows });
  const sqlite = new Database(env.deps.config.databaseFile);
  sqlite.exec("ANALYZE");
  sqlite.close();
});
afterAll(async () => {
  await db.$disconnect();
  await env.cleanup();
});

/** SQLite's plan lines for one logged statement. */
function plan(sql: string, params: unknown[]): string[] {
  const sqlite = new Database(env.deps.config.databaseFile, { readonly: true });
  try {
    const bound = params.map((p) => (typeof p === "boolean" ? Number(p) : p));
    return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bound) as { detail: string }[]).map((r) => r.detail);
  } finally {
    sqlite.close();
  }
}

describe("next-card selection", () => {
  it("uses the (userId, due) index for due cards and never scans a review table", async () => {
    logged.length = 0;
    const runs = [[userId, { mode: "review", topic: null }], [userId, { mode: "drill", topic: "pricing" }], [freshId, { mode: "review", topic: null }]] as const;
    for (const [learner, scope] of runs) {
      for (let i = 0; i < 3; i++) {
        const view = await loadReview(rd, learner, scope);
        if (view.kind !== "question") throw new Error("expected a question");
        await answerShowing(rd, learner, { showingId: view.showingId, questionId: view.question.id, chosen: view.question.answer, confidence: "sure", durationMs: 1 });
      }
    }
    const reads = logged.filter((q) => /^SELECT/i.test(q.sql) && /`Review(Card|Log|Showing|Session)`/.test(q.sql));
    expect(reads.length).toBeGreaterThan(10);
    const plans = reads.map((q) => ({ sql: q.sql, plan: plan(q.sql, q.params) }));
    for (const { sql, plan: lines } of plans) {
      const scans = lines.filter((line) => /^SCAN (main\.)?Review/.test(line));
      expect(scans, `${sql}\n${lines.join("\n")}`).toEqual([]);
    }
    if (process.env.SHOW_PLANS) for (const p of plans) console.log(p.sql.replace(/SELECT .* FROM/, "SELECT … FROM").slice(0, 160), "\n   →", p.plan.join(" | "));
    const dueLookup = plans.find((p) => /`due` <= \?/.test(p.sql) && /ORDER BY/.test(p.sql) && /LIMIT/.test(p.sql));
    expect(dueLookup?.plan.join("\n")).toMatch(/USING (COVERING )?INDEX ReviewCard_userId_due_idx/);
    // Only bounded reads of the deck: a LIMIT, a primary-key IN list, or an aggregate.
    for (const q of reads.filter((r) => /FROM `main`\.`ReviewCard`/.test(r.sql))) {
      expect(/LIMIT \?|COUNT\(|`questionId` IN \(/.test(q.sql), q.sql).toBe(true);
    }
  });
});
