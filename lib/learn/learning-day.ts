// When a learning day starts. As in Anki, the day rolls over at 04:00 local time, so a late-night
// session still counts towards the evening's new-card allowance.
const DAY_MS = 86_400_000;
const ROLLOVER_MS = 4 * 3_600_000;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat costs far more than using one (it was the review round trip's
// single largest cost), so one is kept per time zone.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at `at`. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the learning day containing `now` began in `timeZone`. */
export function learningDayStart(now: Date, timeZone: string): Date {
  const offset = zoneOffsetMs(now, timeZone);
  const wallStart = Math.floor((now.getTime() + offset - ROLLOVER_MS) / DAY_MS) * DAY_MS + ROLLOVER_MS;
  // Re-read the offset at the day start itself, in case a DST change happened since.
  return new Date(wallStart - zoneOffsetMs(new Date(wallStart - offset), timeZone));
}

/** Whole calendar days from `now` (in `timeZone`) until the "YYYY-MM-DD" date; negative once past. */
export function daysUntil(date: string, now: Date, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const today = new Date(now.getTime() + zoneOffsetMs(now, timeZone));
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.UTC(y, m - 1, d) - todayUtc) / DAY_MS);
}

/** "YYYY-MM-DD" of the calendar day (from midnight) that contains `at` in `timeZone`. */
export function calendarDayKey(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMs(at, timeZone)).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" of the learning day that contains `at` (the day rolls over at 04:00 local time). */
export function learningDayKey(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMs(at, timeZone) - ROLLOVER_MS).toISOString().slice(0, 10);
}

/** The "YYYY-MM-DD" `days` calendar days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant it is `hour`:00 local time on the calendar date "YYYY-MM-DD" in `timeZone`. */
export function localTimeOn(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  return new Date(wall - zoneOffsetMs(new Date(wall), timeZone));
}
