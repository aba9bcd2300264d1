// Reading a learner's exams. Someone else's exam is reported exactly like a missing one. A running
// exam whose deadline (plus the grace for in-flight saves) has passed is submitted on first touch,
// so "automatic submission at time-out" holds even when the learner closed the tab.
import type { ReviewDeps } from "../review-deps";
import { examError, SAVE_GRACE_MS } from "./exam-input";
import { submitExam } from "./submit";

export type ExamRow = {
  id: string;
  userId: string;
  kind: string;
  questionCount: number;
  durationSec: number;
  passPercent: number;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  endReason: string | null;
  correctCount: number | null;
};

export type ExamItemRow = {
  id: string;
  examId: string;
  position: number;
  questionId: string;
  optionOrder: string;
  chosen: string | null;
  flagged: boolean;
  timeSpentMs: number;
  answeredAt: Date | null;
  correct: boolean | null;
};

export function isPastDeadline(exam: Pick<ExamRow, "deadline">, now: Date): boolean {
  return now.getTime() > exam.deadline.getTime() + SAVE_GRACE_MS;
}

export async function findOwnExam(deps: ReviewDeps, userId: string, examId: string): Promise<ExamRow> {
  const exam = await deps.db.mockExam.findUnique({ where: { id: examId } });
  if (!exam || exam.userId !== userId) throw examError("NotFound", "exam.unknown", "No such exam.");
  return exam;
}

/** The exam, submitted by the deadline first if its time ran out while nobody was looking. */
export async function settledExam(deps: ReviewDeps, userId: string, examId: string): Promise<ExamRow> {
  const exam = await findOwnExam(deps, userId, examId);
  if (exam.submittedAt || !isPastDeadline(exam, deps.clock.now())) return exam;
  await submitExam(deps, userId, examId);
  return findOwnExam(deps, userId, examId);
}

/** The learner's running exam, if any (expired ones are submitted on the way). */
export async function runningExam(deps: ReviewDeps, userId: string): Promise<ExamRow | null> {
  const open = await deps.db.mockExam.findMany({ where: { userId, submittedAt: null }, orderBy: { startedAt: "desc" } });
  let running: ExamRow | null = null;
  for (const exam of open) {
    const settled = await settledExam(deps, userId, exam.id);
    if (!settled.submittedAt) running ??= settled;
  }
  return running;
}

export async function examItems(deps: ReviewDeps, examId: string): Promise<ExamItemRow[]> {
  return deps.db.mockExamItem.findMany({ where: { examId }, orderBy: { position: "asc" } });
}

export function chosenKeys(item: Pick<ExamItemRow, "chosen">): string[] {
  return item.chosen ? item.chosen.split(",").filter(Boolean) : [];
}
