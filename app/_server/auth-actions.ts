"use server";
// Server actions for accounts. Next.js checks the Origin of every action against the host, and
// the session cookie is SameSite=Lax, so these mutations are CSRF-safe.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { signIn } from "@/lib/auth/sign-in";
import { createGuest, createUser, upgradeGuest } from "@/lib/auth/users";
import { LocaleSchema, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { listLessons } from "@/lib/content/lessons";
import { clientAddress } from "./request";
import { currentUser, endSession, startSession } from "./session";
import { formErrorState, formValues, type FormState } from "./form-state";

function localeOf(form: FormData): Locale {
  const parsed = LocaleSchema.safeParse(form.get("locale"));
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

/** Only same-site paths of our own locale tree are followed after sign-in. */
function safeNext(form: FormData, locale: Locale): string {
  const next = z.string().regex(/^\/(ja|en)(\/[A-Za-z0-9\-/#?=&._]*)?$/).safeParse(form.get("next"));
  return next.success ? next.data : `/${locale}`;
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const values = formValues(form, ["email", "displayName"]);
  const existing = await currentUser();
  try {
    const input = { email: form.get("email"), password: form.get("password"), displayName: form.get("displayName") ?? undefined };
    if (existing?.isGuest) {
      await upgradeGuest(getDeps(), existing.id, input);
    } else {
      const user = await createUser(getDeps(), { ...(input as { email: string; password: string }), role: "learner" }, locale);
      await endSession();
      await startSession(user.id);
    }
  } catch (error) {
    return formErrorState(error, locale, values);
  }
  redirect(safeNext(form, locale));
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const values = formValues(form, ["email"]);
  try {
    const user = await signIn(getDeps(), { email: form.get("email"), password: form.get("password") }, await clientAddress());
    await endSession();
    await startSession(user.id);
  } catch (error) {
    return formErrorState(error, locale, values);
  }
  redirect(safeNext(form, locale));
}

export async function signOutAction(form: FormData): Promise<void> {
  await endSession();
  redirect(`/${localeOf(form)}`);
}

/** One click from the home page to the first lesson, with progress tracking from the start. */
export async function startAsGuestAction(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const existing = await currentUser();
  if (!existing) {
    const guest = await createGuest(getDeps(), locale);
    await startSession(guest.id);
  }
  if (form.get("next")) redirect(safeNext(form, locale));
  const first = listLessons(locale)[0];
  redirect(first ? `/${locale}/lessons/${first.slug}` : `/${locale}/lessons`);
}
