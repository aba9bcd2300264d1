// "When is it due again", in the learner's language and time zone. Computed on the server, whose
// clock decides scheduling, rather than from the browser's clock.
import type { Locale } from "../i18n/locales";

const tag = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-US");

/** "10 分後" / "in 10 minutes", "明日" / "tomorrow", "3 か月後" / "in 3 months". */
export function formatDueIn(due: Date, now: Date, locale: Locale): string {
  const rtf = new Intl.RelativeTimeFormat(tag(locale), { numeric: "auto" });
  const minutes = Math.max(0, (due.getTime() - now.getTime()) / 60_000);
  if (minutes < 60) return rtf.format(Math.max(1, Math.round(minutes)), "minute");
  const hours = minutes / 60;
  if (hours < 24) return rtf.format(Math.round(hours), "hour");
  const days = hours / 24;
  if (days < 60) return rtf.format(Math.round(days), "day");
  if (days < 730) return rtf.format(Math.round(days / 30), "month");
  return rtf.format(Math.round(days / 365), "year");
}

export function formatDateTimeIn(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** "12 分 30 秒" / "12 min 30 s" for a session's answering time. */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const unit = (value: number, u: "minute" | "second") => new Intl.NumberFormat(tag(locale), { style: "unit", unit: u, unitDisplay: locale === "ja" ? "long" : "short" }).format(value);
  return m > 0 ? `${unit(m, "minute")} ${unit(s, "second")}` : unit(s, "second");
}
