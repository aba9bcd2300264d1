// Which question comes next. Reviews: due cards first (due <= now, oldest first), then new ones in
// the stable introduction order, at most newPerDay per learning day. Drills: one topic now, due
// cards first, then new, then the rest soonest first; each question once per drill session.
// Every query is bounded by an index ((userId, due), (userId, introducedAt), the primary key, or
// a session's own rows): a learner's whole deck is never loaded.
import type { ExamTopic } from "../content/lesson-schema";
import type { QuestionCatalog } from "../content/questions";
import { countDeck, countDue, countIntroducedSince } from "./card-counts";
import { learningDayStart } from "./learning-day";
import { newCardOrder } from "./new-order";
import type { ReviewDb } from "./review-deps";
import type { ReviewMode } from "./review-types";
import type { ReviewSettings } from "./settings";

export type QueueScope = { userId: string; mode: ReviewMode; topic: ExamTopic | null; sessionId: string; now: Date; settings: ReviewSettings };
export type NextPick = { questionId: string; reason: "due" | "new" | "drill" };

const DUE_BATCH = 20;
const NEW_SCAN_CHUNK = 50;

/** The oldest due card whose question is still in the bank. */
async function firstDue(db: ReviewDb, questions: QuestionCatalog, userId: string, now: Date): Promise<string | null> {
  for (let skip = 0; ; skip += DUE_BATCH) {
    const rows = await db.reviewCard.findMany({ where: { userId, due: { lte: now } }, orderBy: { due: "asc" }, take: DUE_BATCH, skip, select: { questionId: true } });
    const hit = rows.find((r) => questions.byId.has(r.questionId));
    if (hit) return hit.questionId;
    if (rows.length < DUE_BATCH) return null;
  }
}

/** How many more new questions today's allowance permits. */
export async function newAllowance(db: ReviewDb, userId: string, now: Date, settings: ReviewSettings): Promise<number> {
  if (settings.newPerDay <= 0) return 0;
  const introduced = await countIntroducedSince(db, userId, learningDayStart(now, settings.timeZone));
  return Math.max(0, settings.newPerDay - introduced);
}

/** The first never-answered question in introduction order, probing the primary key in chunks. */
async function firstNew(db: ReviewDb, questions: QuestionCatalog, userId: string): Promise<string | null> {
  const order = newCardOrder(questions);
  for (let i = 0; i < order.length; i += NEW_SCAN_CHUNK) {
    const chunk = order.slice(i, i + NEW_SCAN_CHUNK);
    const seen = await db.reviewCard.findMany({ where: { userId, questionId: { in: [...chunk] } }, select: { questionId: true } });
    const seenIds = new Set(seen.map((r) => r.questionId));
    const fresh = chunk.find((id) => !seenIds.has(id));
    if (fresh) return fresh;
  }
  return null;
}

/** A drill's remaining questions of its topic, in the order they will be asked. */
async function drillQueue(db: ReviewDb, questions: QuestionCatalog, scope: QueueScope): Promise<string[]> {
  const topicIds = (scope.topic ? (questions.byTopic.get(scope.topic) ?? []) : []).map((q) => q.id);
  const answered = new Set((await db.reviewLog.findMany({ where: { sessionId: scope.sessionId }, select: { questionId: true } })).map((r) => r.questionId));
  const open = topicIds.filter((id) => !answered.has(id));
  const cards = await db.reviewCard.findMany({ where: { userId: scope.userId, questionId: { in: open } }, select: { questionId: true, due: true } });
  const due = new Map(cards.map((c) => [c.questionId, c.due.getTime()]));
  const rank = new Map(newCardOrder(questions).map((id, i) => [id, i]));
  const now = scope.now.getTime();
  const key = (id: string): [number, number] => {
    const at = due.get(id);
    if (at === undefined) return [1, rank.get(id) ?? 0];
    return [at <= now ? 0 : 2, at];
  };
  return open.sort((a, b) => {
    const [ga, va] = key(a);
    const [gb, vb] = key(b);
    return ga - gb || va - vb;
  });
}

/** Up to `limit` due questions still in the bank, oldest due first: bounded index seeks only. */
async function dueQuestions(db: ReviewDb, questions: QuestionCatalog, userId: string, now: Date, limit: number): Promise<string[]> {
  const found: string[] = [];
  for (let skip = 0; found.length < limit; skip += DUE_BATCH) {
    const rows = await db.reviewCard.findMany({ where: { userId, due: { lte: now } }, orderBy: { due: "asc" }, take: DUE_BATCH, skip, select: { questionId: true } });
    for (const row of rows) if (found.length < limit && questions.byId.has(row.questionId)) found.push(row.questionId);
    if (rows.length < DUE_BATCH) break;
  }
  return found;
}

/**
 * A review session's next question and how many are waiting, counted only up to `limit` (what is
 * left of the session): with that many due, nothing else is read. One query in the common case,
 * where pickNext + remainingCount took five, two of them counting the learner's whole deck.
 */
export async function reviewQueue(db: ReviewDb, questions: QuestionCatalog, scope: QueueScope, limit: number, wantNext = true): Promise<{ next: NextPick | null; remaining: number }> {
  const due = await dueQuestions(db, questions, scope.userId, scope.now, limit);
  const first = due[0];
  if (due.length >= limit) return { next: first ? { questionId: first, reason: "due" } : null, remaining: due.length };
  const allowance = await newAllowance(db, scope.userId, scope.now, scope.settings);
  const unseen = allowance > 0 ? questions.all.length - (await countDeck(db, scope.userId)) : 0;
  const remaining = due.length + Math.min(allowance, Math.max(0, unseen));
  if (first) return { next: { questionId: first, reason: "due" }, remaining };
  if (!wantNext || allowance === 0 || unseen <= 0) return { next: null, remaining };
  const fresh = await firstNew(db, questions, scope.userId);
  return { next: fresh ? { questionId: fresh, reason: "new" } : null, remaining };
}

export async function pickNext(db: ReviewDb, questions: QuestionCatalog, scope: QueueScope): Promise<NextPick | null> {
  if (scope.mode === "drill") {
    const [first] = await drillQueue(db, questions, scope);
    return first ? { questionId: first, reason: "drill" } : null;
  }
  const due = await firstDue(db, questions, scope.userId, scope.now);
  if (due) return { questionId: due, reason: "due" };
  if ((await newAllowance(db, scope.userId, scope.now, scope.settings)) === 0) return null;
  const fresh = await firstNew(db, questions, scope.userId);
  return fresh ? { questionId: fresh, reason: "new" } : null;
}

/** Questions still waiting: due + today's remaining new (reviews) or the topic's rest (drills). */
export async function remainingCount(db: ReviewDb, questions: QuestionCatalog, scope: QueueScope): Promise<number> {
  if (scope.mode === "drill") return (await drillQueue(db, questions, scope)).length;
  // Sequential on purpose: this also runs inside an interactive transaction (one connection).
  const dueCount = await countDue(db, scope.userId, scope.now);
  const allowance = await newAllowance(db, scope.userId, scope.now, scope.settings);
  if (allowance === 0) return dueCount; // the deck count below reads every card's index entry
  const seenCount = await countDeck(db, scope.userId);
  return dueCount + Math.min(allowance, Math.max(0, questions.all.length - seenCount));
}

/** When the learner's next card falls due (for "come back at ..."), or null without cards. */
export async function nextDueAt(db: ReviewDb, userId: string): Promise<Date | null> {
  const row = await db.reviewCard.findFirst({ where: { userId }, orderBy: { due: "asc" }, select: { due: true } });
  return row?.due ?? null;
}
