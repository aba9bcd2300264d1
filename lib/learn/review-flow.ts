// What the review page shows: the pending question of the learner's session (creating the
// showing when needed), or the session summary once 20 answers are in or nothing is left.
// One transaction, so two tabs opening at once share one session and one showing.
import type { ExamTopic } from "../content/lesson-schema";
import type { LoadedQuestion } from "../content/load-questions";
import { learningDayStart } from "./learning-day";
import { nextDueAt, pickNext, remainingCount, reviewQueue, type QueueScope } from "./queue";
import type { ReviewDeps } from "./review-deps";
import type { ReviewMode } from "./review-types";
import { SESSION_SIZE, endOpenSessions, openSession, summarizeSession, type SessionSummary } from "./sessions";
import { getReviewSettings, type ReviewSettings } from "./settings";
import { createShowing, optionOrderOf } from "./showings";

export type ReviewScope = { mode: ReviewMode; topic: ExamTopic | null };

export type SessionProgress = {
  answered: number;
  /** Questions waiting, including the one on screen. */
  remaining: number;
  /** The session's planned length: answered + remaining, at most SESSION_SIZE. */
  total: number;
};

export type ReviewView =
  | { kind: "question"; sessionId: string; showingId: string; question: LoadedQuestion; optionOrder: string[]; progress: SessionProgress; settings: ReviewSettings }
  | { kind: "summary"; sessionId: string; summary: SessionSummary; progress: SessionProgress; nextDue: Date | null; settings: ReviewSettings };

function progressOf(answered: number, remaining: number): SessionProgress {
  return { answered, remaining, total: Math.min(SESSION_SIZE, answered + remaining) };
}

export async function loadReview(deps: ReviewDeps, userId: string, scope: ReviewScope): Promise<ReviewView> {
  const now = deps.clock.now();
  const settings = await getReviewSettings(deps, userId);
  const dayStart = learningDayStart(now, settings.timeZone);
  return deps.db.$transaction(async (tx) => {
    const { session, answered, pending } = await openSession(tx, deps.ids, userId, scope.mode, scope.topic, now, dayStart);
    const queue: QueueScope = { userId, mode: scope.mode, topic: scope.topic, sessionId: session.id, now, settings };
    const summary = async () => {
      const remaining = answered >= SESSION_SIZE ? await remainingCount(tx, deps.questions, queue) : 0;
      return { kind: "summary" as const, sessionId: session.id, summary: await summarizeSession(tx, session), progress: progressOf(answered, remaining), nextDue: await nextDueAt(tx, userId), settings };
    };
    if (answered >= SESSION_SIZE) return summary();
    let showing = pending;
    let question = showing ? deps.questions.byId.get(showing.questionId) : undefined;
    // Reviews count what is waiting only as far as the session goes (bounded reads); drills
    // walk their topic. The count includes the question on screen, which is still due or new.
    const left = SESSION_SIZE - answered;
    let remaining: number | null = null;
    if (!showing || !question) {
      const picked = scope.mode === "review" ? await reviewQueue(tx, deps.questions, queue, left) : { next: await pickNext(tx, deps.questions, queue), remaining: null };
      remaining = picked.remaining;
      question = picked.next ? deps.questions.byId.get(picked.next.questionId) : undefined;
      if (!question) return summary();
      showing = await createShowing(tx, { id: deps.ids.id(), userId, sessionId: session.id, mode: scope.mode, question, now, random: deps.randomInt });
    }
    remaining ??= scope.mode === "review" ? (await reviewQueue(tx, deps.questions, queue, left, false)).remaining : await remainingCount(tx, deps.questions, queue);
    return { kind: "question", sessionId: session.id, showingId: showing.id, question, optionOrder: optionOrderOf(showing, question), progress: progressOf(answered, Math.max(1, remaining)), settings };
  });
}

/** Closes the current session so the next visit starts a fresh one. */
export async function startNewSession(deps: ReviewDeps, userId: string, scope: ReviewScope): Promise<void> {
  await endOpenSessions(deps.db, userId, scope.mode, scope.topic, deps.clock.now());
}
