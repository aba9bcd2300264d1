"use server";
// Server actions of mock exams: start, save an answer, flag, submit. Thin adapters over
// lib/learn/exam; tampered, stale or late requests come back as a translated message and change
// nothing. Next.js checks every action's Origin, so these are CSRF-safe.
import { redirect } from "next/navigation";
import { isDomainError } from "@/lib/core/errors";
import { flagExamItem, saveExamAnswer } from "@/lib/learn/exam/answers";
import { ExamIdSchema } from "@/lib/learn/exam/exam-input";
import { startExam } from "@/lib/learn/exam/start";
import { submitExam } from "@/lib/learn/exam/submit";
import { reviewDeps } from "@/lib/learn/review-deps";
import { DEFAULT_LOCALE, LocaleSchema, type Locale } from "@/lib/i18n/locales";
import { errorMessageKey, translator } from "@/lib/i18n/messages";
import { formErrorState, formValues, type FormState } from "./form-state";
import { currentUser } from "./session";

export type ExamActionResult = { ok: true } | { ok: false; error: string; /** The exam is over: go to its result. */ ended: boolean };

function localeOf(value: unknown): Locale {
  const parsed = LocaleSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

function failed(error: unknown, locale: Locale): ExamActionResult {
  const t = translator(locale);
  const reason = isDomainError(error) ? error.details.reason : undefined;
  if (typeof reason === "string") return { ok: false, error: t(errorMessageKey(reason)), ended: reason === "exam.timeUp" || reason === "exam.alreadySubmitted" };
  console.error("exam: unexpected error", error);
  return { ok: false, error: t("error.unexpected"), ended: false };
}

async function asLearner(localeInput: unknown, run: (userId: string) => Promise<unknown>): Promise<ExamActionResult> {
  const locale = localeOf(localeInput);
  const user = await currentUser();
  if (!user) return { ok: false, error: translator(locale)("error.unauthenticated"), ended: false };
  try {
    await run(user.id);
    return { ok: true };
  } catch (error) {
    return failed(error, locale);
  }
}

/** Saves (or clears) the answer of one question; validated by lib/learn/exam (SaveExamAnswerSchema). */
export async function saveExamAnswerAction(locale: unknown, input: unknown): Promise<ExamActionResult> {
  return asLearner(locale, (userId) => saveExamAnswer(reviewDeps(), userId, input));
}

export async function flagExamItemAction(locale: unknown, input: unknown): Promise<ExamActionResult> {
  return asLearner(locale, (userId) => flagExamItem(reviewDeps(), userId, input));
}

export async function submitExamAction(locale: unknown, examId: unknown): Promise<ExamActionResult> {
  const id = ExamIdSchema.safeParse(examId);
  return asLearner(locale, (userId) => submitExam(reviewDeps(), userId, id.success ? id.data : ""));
}

const OPTION_FIELDS = ["kind", "questionCount", "durationMinutes", "passPercent"];

/** Starts an exam (blank custom fields keep the format's defaults) and opens it. */
export async function startExamAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form.get("locale"));
  const values = formValues(form, OPTION_FIELDS);
  const user = await currentUser();
  if (!user) return { formError: translator(locale)("error.unauthenticated"), values };
  const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
  let examId: string;
  try {
    examId = (await startExam(reviewDeps(), user.id, input)).id;
  } catch (error) {
    // A running exam is where the learner wants to be, not an error to read.
    if (isDomainError(error, "Conflict") && typeof error.details.examId === "string") redirect(`/${locale}/exam/${error.details.examId}`);
    if (isDomainError(error, "InvalidInput") && !Object.keys((error.details.fields as object | undefined) ?? {}).length) return { formError: translator(locale)("error.exam.inputMalformed"), values };
    return formErrorState(error, locale, values);
  }
  redirect(`/${locale}/exam/${examId}`);
}
