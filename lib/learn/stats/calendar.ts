// Counting by day in the learner's time zone, keyed "YYYY-MM-DD": the 30-day due forecast and the
// streak by learning day (04:00 rollover, as the queue counts), the heatmap of the past year by
// calendar day (midnight), as a calendar is read.
import { addDays, calendarDayKey, learningDayKey } from "../learning-day";


/** Cards due on each of the next `days` learning days; overdue cards count on today. */
export function dueForecast(dues: readonly Date[], now: Date, timeZone: string, days = 30): { day: string; count: number }[] {
  const today = learningDayKey(now, timeZone);
  const keys = Array.from({ length: days }, (_, i) => addDays(today, i));
  const index = new Map(keys.map((k, i) => [k, i]));
  const counts = new Array<number>(days).fill(0);
  for (const due of dues) {
    if (due.getTime() <= now.getTime()) {
      counts[0]! += 1;
      continue;
    }
    const i = index.get(learningDayKey(due, timeZone));
    if (i !== undefined) counts[i]! += 1;
  }
  return keys.map((day, i) => ({ day, count: counts[i]! }));
}

export type HeatmapDay = { day: string; count: number; level: 0 | 1 | 2 | 3 | 4 };

/**
 * Reviews per calendar day over the `days` days up to today, with GitHub-like 0–4 levels: the
 * busiest day is level 4, any day with a review at least level 1.
 */
export function reviewHeatmap(reviewedAt: readonly Date[], now: Date, timeZone: string, days = 365): HeatmapDay[] {
  const today = calendarDayKey(now, timeZone);
  const counts = new Map<string, number>();
  for (const at of reviewedAt) {
    const key = calendarDayKey(at, timeZone);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const max = Math.max(0, ...keys.map((k) => counts.get(k) ?? 0));
  return keys.map((day) => {
    const count = counts.get(day) ?? 0;
    const level = count === 0 ? 0 : (Math.min(4, Math.ceil((count / max) * 4)) as 1 | 2 | 3 | 4);
    return { day, count, level };
  });
}

/** Consecutive learning days with a review, ending today (or yesterday while today has none yet). */
export function currentStreak(reviewedAt: readonly Date[], now: Date, timeZone: string): number {
  const active = new Set(reviewedAt.map((at) => learningDayKey(at, timeZone)));
  let day = learningDayKey(now, timeZone);
  if (!active.has(day)) day = addDays(day, -1);
  let streak = 0;
  while (active.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}
