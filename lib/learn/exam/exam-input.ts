// What the exam player sends, and the checks that it fits the exam and question it names.
// Anything else is tampering or a stale tab: refused before any state changes.
import { z } from "zod";
import { DomainError, type DomainErrorCode } from "../../core/errors";
import type { Question } from "../../content/question-schema";
import { MAX_DURATION_MS } from "../answer-input";
import { choiceCount } from "../grade";

/** Saves may arrive this long after the deadline (a save sent at 00:00 still in flight). */
export const SAVE_GRACE_MS = 3_000;

const ExamId = z.string().min(1).max(100);
const Position = z.number().int().min(1).max(500);

export const SaveExamAnswerSchema = z.strictObject({
  examId: ExamId,
  position: Position,
  questionId: z.string().min(1).max(80),
  /** Option keys; empty clears the answer. In the learner's order for ordering questions. */
  chosen: z.array(z.string().max(8)).max(16),
  /** Time on this question since the last save; added to the question's total. */
  timeSpentMs: z
    .number()
    .finite()
    .min(0)
    .transform((ms) => Math.min(Math.round(ms), MAX_DURATION_MS)),
});
export type SaveExamAnswerInput = z.infer<typeof SaveExamAnswerSchema>;

export const FlagExamItemSchema = z.strictObject({ examId: ExamId, position: Position, questionId: z.string().min(1).max(80), flagged: z.boolean() });
export type FlagExamItemInput = z.infer<typeof FlagExamItemSchema>;

export const ExamIdSchema = ExamId;

/** Exam errors carry `details.reason`, a message code the faces translate (error.<reason>). */
export function examError(code: DomainErrorCode, reason: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, { reason, ...details });
}

export function parseExamInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw examError("InvalidInput", "exam.inputMalformed", `Malformed request: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/**
 * During an exam an answer may be partial (one of two picks made) or cleared; it is graded only on
 * submission. Keys must still be options of the question, once each, and never too many.
 */
export function checkExamChoice(question: Pick<Question, "type" | "answer" | "options">, chosen: readonly string[]): void {
  const keys = new Set(question.options.map((o) => o.key));
  const unknown = chosen.filter((k) => !keys.has(k));
  if (unknown.length) throw examError("InvalidInput", "review.unknownOption", `Not an option of this question: ${unknown.join(", ")}`);
  if (new Set(chosen).size !== chosen.length) throw examError("InvalidInput", "review.duplicateOption", "An option was chosen twice.");
  if (chosen.length > choiceCount(question)) throw examError("InvalidInput", "review.wrongCount", `At most ${choiceCount(question)} option(s) may be chosen.`);
}
