// Picking options by number: single replaces, multiple toggles, ordering appends (once per step).
// Also says whether the selection can be submitted and, if not, what is missing.
import type { PresentedQuestion } from "@/lib/learn/present";

export function pickOption(question: PresentedQuestion, picked: readonly string[], index: number): string[] {
  const key = question.options[index]?.key;
  if (!key) return [...picked];
  if (question.type === "ordering") return picked.includes(key) ? [...picked] : [...picked, key];
  if (question.choose === 1) return [key];
  return picked.includes(key) ? picked.filter((k) => k !== key) : [...picked, key];
}

export type SelectionStatus = { ready: true } | { ready: false; missing: number } | { ready: false; excess: number };

export function selectionStatus(question: PresentedQuestion, picked: readonly string[]): SelectionStatus {
  if (picked.length === question.choose) return { ready: true };
  return picked.length < question.choose ? { ready: false, missing: question.choose - picked.length } : { ready: false, excess: picked.length - question.choose };
}
