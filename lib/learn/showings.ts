// Showings: the server's record that it presented a question to a learner with a given option
// order. Answers must name one; a reload shows the same pending showing instead of a new shuffle
// (sessions.ts reads it along with its session).
import type { LoadedQuestion } from "../content/load-questions";
import type { ReviewDb } from "./review-deps";
import type { ReviewMode } from "./review-types";
import { shuffle, type RandomInt } from "./shuffle";

export type ShowingRow = { id: string; userId: string; sessionId: string; questionId: string; optionOrder: string; mode: string; createdAt: Date; answeredAt: Date | null };

/**
 * The shown order of the question's current options. Question ids never change, but an author may
 * add or drop an option while a showing is pending: unknown keys are dropped, new ones appended.
 */
export function optionOrderOf(showing: Pick<ShowingRow, "optionOrder">, question: Pick<LoadedQuestion, "options">): string[] {
  const keys = question.options.map((o) => o.key);
  const shown = showing.optionOrder.split(",").filter((k) => keys.includes(k));
  return [...shown, ...keys.filter((k) => !shown.includes(k))];
}

type NewShowing = { id: string; userId: string; sessionId: string; mode: ReviewMode; question: LoadedQuestion; now: Date; random?: RandomInt };

/** Records a new showing with the options shuffled for this showing only. */
export async function createShowing(db: ReviewDb, s: NewShowing): Promise<ShowingRow> {
  const order = shuffle(
    s.question.options.map((o) => o.key),
    s.random,
  );
  return db.reviewShowing.create({
    data: { id: s.id, userId: s.userId, sessionId: s.sessionId, questionId: s.question.id, optionOrder: order.join(","), mode: s.mode, createdAt: s.now },
  });
}
