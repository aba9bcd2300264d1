// The shape every form action returns, and the one translation of domain errors into it.
import { isDomainError } from "@/lib/core/errors";
import { errorMessageKey, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

export type FormState = {
  /** A message for the whole form, already translated. */
  formError?: string;
  /** Translated messages per field. */
  fieldErrors?: Record<string, string>;
  /** What the user typed (never the password), so a failed submit loses nothing. */
  values?: Record<string, string>;
};

/** Converts an error thrown by lib/ into form messages; unknown errors are logged, never shown. */
export function formErrorState(error: unknown, locale: Locale, values: Record<string, string>): FormState {
  const t = translator(locale);
  if (isDomainError(error)) {
    const fields = (error.details.fields ?? {}) as Record<string, string>;
    const fieldErrors = Object.fromEntries(Object.entries(fields).map(([f, code]) => [f, t(errorMessageKey(code))]));
    switch (error.code) {
      case "InvalidInput":
      case "EmailTaken":
        return { fieldErrors, values };
      case "InvalidCredentials":
        return { formError: t("error.invalidCredentials"), values };
      case "RateLimited":
        return { formError: t("error.rateLimited", { s: Number(error.details.retryAfterSeconds ?? 60) }), values };
      case "Conflict":
        return { formError: t("error.conflict"), values };
      case "Unauthenticated":
        return { formError: t("error.unauthenticated"), values };
      default:
        break;
    }
  }
  console.error("Unexpected error in form action", error);
  return { formError: t("error.unexpected"), values };
}

export function formValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === "string" ? String(form.get(n)) : ""]));
}
