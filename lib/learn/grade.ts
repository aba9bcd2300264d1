// Grading, all-or-nothing as on the exam. `partial` only tells the learner they were close.
import type { Question } from "../content/question-schema";

export type Grade = {
  correct: boolean;
  /** Some but not all answers of a multiple-answer question picked (still wrong). */
  partial: boolean;
};

export function gradeAnswer(question: Pick<Question, "type" | "answer">, chosen: readonly string[]): Grade {
  if (question.type === "ordering") {
    const correct = chosen.length === question.answer.length && chosen.every((key, i) => key === question.answer[i]);
    return { correct, partial: false };
  }
  const expected = new Set(question.answer);
  const picked = new Set(chosen);
  const hits = [...picked].filter((key) => expected.has(key)).length;
  const correct = hits === expected.size && picked.size === expected.size;
  return { correct, partial: !correct && expected.size > 1 && hits > 0 };
}

/** How many options the learner must pick: every step for ordering, else the number of answers. */
export function choiceCount(question: Pick<Question, "type" | "answer" | "options">): number {
  return question.type === "ordering" ? question.options.length : question.answer.length;
}
