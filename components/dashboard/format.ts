// Number and date formats of the dashboard, in the learner's language.
import type { Locale } from "@/lib/i18n/locales";

const tag = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-US");

export function percent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/** "5月10日" / "May 10" for a "YYYY-MM-DD" learning day. */
export function shortDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function longDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}
