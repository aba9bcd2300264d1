"use server";
// Server actions of review sessions: answer a showing, start a new session, save settings. Each
// is a thin adapter over lib/learn; tampered or stale answers come back as a translated message
// and change nothing. Next.js checks every action's Origin, so these are CSRF-safe.
import { redirect } from "next/navigation";
import { z } from "zod";
import { isDomainError } from "@/lib/core/errors";
import { ExamTopicSchema } from "@/lib/content/lesson-schema";
import { answerShowing } from "@/lib/learn/answer";
import { presentFeedback, type Feedback } from "@/lib/learn/present";
import { reviewDeps } from "@/lib/learn/review-deps";
import { startNewSession } from "@/lib/learn/review-flow";
import { getReviewSettings, saveReviewSettings } from "@/lib/learn/settings";
import { DEFAULT_LOCALE, LocaleSchema, type Locale } from "@/lib/i18n/locales";
import { errorMessageKey, translator } from "@/lib/i18n/messages";
import { formErrorState, formValues, type FormState } from "./form-state";
import { currentUser } from "./session";

export type AnswerActionResult = { ok: true; feedback: Feedback } | { ok: false; error: string };

function localeOf(value: unknown): Locale {
  const parsed = LocaleSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

/** Answers the showing on screen. `answer` is validated by lib/learn (AnswerInputSchema). */
export async function answerReviewAction(localeInput: unknown, answer: unknown): Promise<AnswerActionResult> {
  const locale = localeOf(localeInput);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) return { ok: false, error: t("error.unauthenticated") };
  const deps = reviewDeps();
  try {
    const outcome = await answerShowing(deps, user.id, answer);
    const { timeZone } = await getReviewSettings(deps, user.id);
    return { ok: true, feedback: presentFeedback(outcome, locale, deps.clock.now(), timeZone) };
  } catch (error) {
    const reason = isDomainError(error) ? error.details.reason : undefined;
    if (typeof reason === "string") return { ok: false, error: t(errorMessageKey(reason)) };
    console.error("review: unexpected error while answering", error);
    return { ok: false, error: t("error.unexpected") };
  }
}

const NewSessionSchema = z.object({ locale: LocaleSchema, topic: z.union([ExamTopicSchema, z.literal("")]) });

/** Closes the finished session and opens the review page again, which starts a fresh one. */
export async function newSessionAction(form: FormData): Promise<void> {
  const parsed = NewSessionSchema.safeParse({ locale: form.get("locale"), topic: form.get("topic") ?? "" });
  const locale = parsed.success ? parsed.data.locale : localeOf(form.get("locale"));
  const user = await currentUser();
  if (!parsed.success || !user) redirect(`/${locale}/review`);
  const topic = parsed.data.topic || null;
  await startNewSession(reviewDeps(), user.id, { mode: topic ? "drill" : "review", topic });
  redirect(topic ? `/${locale}/review?topic=${topic}` : `/${locale}/review`);
}

export type SettingsState = FormState & { saved?: string };

const SETTINGS_FIELDS = ["desiredRetention", "newPerDay", "examDate", "timeZone"];

export async function saveReviewSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const locale = localeOf(form.get("locale"));
  const values = formValues(form, SETTINGS_FIELDS);
  const user = await currentUser();
  if (!user) return { formError: translator(locale)("error.unauthenticated"), values };
  try {
    await saveReviewSettings(reviewDeps(), user.id, values);
    return { saved: translator(locale)("review.saved"), values };
  } catch (error) {
    return formErrorState(error, locale, values);
  }
}
