// Saving an answer or a flag while the exam runs. The write comes first inside the transaction
// (it takes SQLite's write lock), then the exam is re-read: a save that races the submission or
// the deadline is rolled back and refused, so a graded exam never changes afterwards.
import type { ReviewDeps } from "../review-deps";
import { checkExamChoice, examError, FlagExamItemSchema, parseExamInput, SaveExamAnswerSchema } from "./exam-input";
import { findOwnExam, isPastDeadline, type ExamItemRow, type ExamRow } from "./exam-store";
import { submitExam } from "./submit";

type ItemRef = { examId: string; position: number; questionId: string };

class ExamClosed extends Error {}

/** Refuses a change to an exam that is over; submits it first when only its time ran out. */
async function refuseIfOver(deps: ReviewDeps, userId: string, exam: ExamRow): Promise<void> {
  if (exam.submittedAt) throw examError("Conflict", "exam.alreadySubmitted", "This exam has been submitted; answers can no longer change.", { examId: exam.id });
  if (isPastDeadline(exam, deps.clock.now())) {
    await submitExam(deps, userId, exam.id);
    throw examError("Conflict", "exam.timeUp", "Time is up: the exam was submitted with the answers saved before the deadline.", { examId: exam.id });
  }
}

async function ownItem(deps: ReviewDeps, userId: string, ref: ItemRef): Promise<{ exam: ExamRow; item: ExamItemRow }> {
  const exam = await findOwnExam(deps, userId, ref.examId);
  const item = await deps.db.mockExamItem.findUnique({ where: { examId_position: { examId: exam.id, position: ref.position } } });
  if (!item || item.questionId !== ref.questionId) throw examError("NotFound", "exam.questionUnknown", "This question is not part of the exam.");
  await refuseIfOver(deps, userId, exam);
  return { exam, item };
}

/** Applies `data` to the item unless the exam closed meanwhile (then nothing is written). */
async function writeWhileOpen(deps: ReviewDeps, userId: string, exam: ExamRow, itemId: string, data: Record<string, unknown>): Promise<void> {
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.mockExamItem.update({ where: { id: itemId }, data });
      const now = await tx.mockExam.findUniqueOrThrow({ where: { id: exam.id } });
      if (now.submittedAt || isPastDeadline(now, deps.clock.now())) throw new ExamClosed();
    });
  } catch (error) {
    if (!(error instanceof ExamClosed)) throw error;
    await refuseIfOver(deps, userId, await findOwnExam(deps, userId, exam.id));
  }
}

export async function saveExamAnswer(deps: ReviewDeps, userId: string, input: unknown): Promise<ExamItemRow> {
  const answer = parseExamInput(SaveExamAnswerSchema, input);
  const { exam, item } = await ownItem(deps, userId, answer);
  const question = deps.questions.byId.get(item.questionId);
  if (!question) throw examError("NotFound", "exam.questionUnknown", "This question is no longer in the bank.");
  checkExamChoice(question, answer.chosen);
  const chosen = answer.chosen.length ? answer.chosen.join(",") : null;
  await writeWhileOpen(deps, userId, exam, item.id, { chosen, answeredAt: chosen ? deps.clock.now() : null, timeSpentMs: { increment: answer.timeSpentMs } });
  return { ...item, chosen, timeSpentMs: item.timeSpentMs + answer.timeSpentMs };
}

export async function flagExamItem(deps: ReviewDeps, userId: string, input: unknown): Promise<ExamItemRow> {
  const flag = parseExamInput(FlagExamItemSchema, input);
  const { exam, item } = await ownItem(deps, userId, flag);
  await writeWhileOpen(deps, userId, exam, item.id, { flagged: flag.flagged });
  return { ...item, flagged: flag.flagged };
}
