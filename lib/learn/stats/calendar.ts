// Counting by learning day: the 30-day due forecast, the review heatmap of the past year and the
// streak. Days are the learner's (04:00 rollover, their time zone), keyed "YYYY-MM-DD".
import { addDays, learningDayKey } from "../learning-day";

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

/** Reviews per learning day over the `days` days up to today, with GitHub-like 0–4 levels. */
export function reviewHeatmap(reviewedAt: readonly Date[], now: Date, timeZone: string, days = 365): HeatmapDay[] {
  const today = learningDayKey(now, timeZone);
  const counts = new Map<string, number>();
  for (const at of reviewedAt) {
    const key = learningDayKey(at, timeZone);
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
