// Number and date formats of the dashboard, in the learner's language.
import type { Locale } from "@/lib/i18n/locales";

const tag = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-US");

export function percent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/**
 * A probability as a whole percentage that never claims certainty it does not have: "< 1%"
 * rather than "0%" for 0.3 %, "> 99%" rather than "100%" for 99.6 %.
 */
export function probabilityPercent(value: number, locale: Locale): string {
  if (value > 0 && value < 0.01) return `< ${percent(0.01, locale)}`;
  if (value < 1 && value > 0.99) return `> ${percent(0.99, locale)}`;
  return percent(value, locale);
}

/** "5月10日" / "May 10" for a "YYYY-MM-DD" learning day. */
export function shortDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function longDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}
