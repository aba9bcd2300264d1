// The answer a browser sends, and the checks that it fits the question it claims to answer.
// Anything else is tampering (or a stale tab) and is refused before any state changes.
import { z } from "zod";
import { DomainError } from "../core/errors";
import type { Question } from "../content/question-schema";
import { choiceCount } from "./grade";
import { ConfidenceSchema } from "./review-types";

/** Longer than this is a tab left open, not thinking time; kept, but capped. */
export const MAX_DURATION_MS = 30 * 60_000;

export const AnswerInputSchema = z.strictObject({
  showingId: z.string().min(1).max(100),
  questionId: z.string().min(1).max(80),
  /** Option keys; in the learner's order for ordering questions. */
  chosen: z.array(z.string().max(8)).max(16),
  confidence: ConfidenceSchema,
  durationMs: z
    .number()
    .finite()
    .min(0)
    .transform((ms) => Math.min(Math.round(ms), MAX_DURATION_MS)),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

/** Review errors carry `details.reason`, a message code the faces translate (error.<reason>). */
export function reviewError(code: "InvalidInput" | "NotFound", reason: string, message: string): DomainError {
  return new DomainError(code, message, { reason, fields: code === "InvalidInput" ? { chosen: reason } : undefined });
}

export function parseAnswerInput(input: unknown): AnswerInput {
  const parsed = AnswerInputSchema.safeParse(input);
  if (!parsed.success) throw reviewError("InvalidInput", "review.answerMalformed", `Malformed answer: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Every key must be an option of the question, once, and as many as the question asks for. */
export function checkChoice(question: Pick<Question, "type" | "answer" | "options">, chosen: readonly string[]): void {
  const keys = new Set(question.options.map((o) => o.key));
  const unknown = chosen.filter((k) => !keys.has(k));
  if (unknown.length) throw reviewError("InvalidInput", "review.unknownOption", `Not an option of this question: ${unknown.join(", ")}`);
  if (new Set(chosen).size !== chosen.length) throw reviewError("InvalidInput", "review.duplicateOption", "An option was chosen twice.");
  if (chosen.length === 0) throw reviewError("InvalidInput", "review.noChoice", "No option chosen.");
  const wanted = choiceCount(question);
  if (chosen.length !== wanted) throw reviewError("InvalidInput", question.type === "ordering" ? "review.incompleteOrder" : "review.wrongCount", `Expected ${wanted} option(s), got ${chosen.length}.`);
}
