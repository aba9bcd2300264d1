// What review code needs: the database, the clock, ids and the question bank (an interface, so a
// database-backed bank can join the file-based one later). Shuffling can be made predictable.
import { getDeps, type Deps } from "../core/deps";
import { getQuestionCatalog, type QuestionCatalog } from "../content/questions";
import type { Db } from "../db/client";
import type { RandomInt } from "./shuffle";

export type ReviewDeps = Pick<Deps, "db" | "clock" | "ids"> & { questions: QuestionCatalog; randomInt?: RandomInt };

/** The review tables, reachable both from the client and from inside an interactive transaction. */
export type ReviewDb = Pick<Db, "reviewCard" | "reviewLog" | "reviewShowing" | "reviewSession" | "reviewSettings" | "$queryRaw">;

/** The process-wide review dependencies (app faces and scripts). */
export function reviewDeps(): ReviewDeps {
  const { db, clock, ids } = getDeps();
  return { db, clock, ids, questions: getQuestionCatalog() };
}
