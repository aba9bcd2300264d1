// Per-learner review settings: desired retention (FSRS request_retention), new cards per day, the
// exam date, and the time zone that decides when a learning day starts.
import { z } from "zod";
import type { Deps } from "../core/deps";
import { DomainError } from "../core/errors";
import { isValidTimeZone } from "./learning-day";
import { RETENTION_MAX, RETENTION_MIN } from "./scheduler";

export type ReviewSettings = { desiredRetention: number; newPerDay: number; examDate: string | null; timeZone: string };

export const REVIEW_DEFAULTS: ReviewSettings = { desiredRetention: 0.9, newPerDay: 20, examDate: null, timeZone: "Asia/Tokyo" };
export const NEW_PER_DAY_MAX = 200;

/** A number typed in a form: blank is missing, not zero (z.coerce would turn "" into 0). */
const typedNumber = (code: string) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v), z.number({ error: code }).refine(Number.isFinite, code));

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Field codes become messages through error.<code> in the i18n dictionaries. */
export const ReviewSettingsSchema = z.object({
  desiredRetention: typedNumber("review.retentionRange").pipe(z.number().min(RETENTION_MIN, "review.retentionRange").max(RETENTION_MAX, "review.retentionRange")),
  newPerDay: typedNumber("review.newPerDayRange").pipe(z.number().int("review.newPerDayRange").min(0, "review.newPerDayRange").max(NEW_PER_DAY_MAX, "review.newPerDayRange")),
  examDate: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string({ error: "review.examDateInvalid" }).refine(isCalendarDate, "review.examDateInvalid").nullable(),
  ),
  timeZone: z.string({ error: "review.timeZoneInvalid" }).trim().min(1, "review.timeZoneInvalid").max(64, "review.timeZoneInvalid").refine(isValidTimeZone, "review.timeZoneInvalid"),
});

/** One message per field, whatever the rule that failed (each message states the whole rule). */
const FIELD_CODES: Record<keyof ReviewSettings, string> = {
  desiredRetention: "review.retentionRange",
  newPerDay: "review.newPerDayRange",
  examDate: "review.examDateInvalid",
  timeZone: "review.timeZoneInvalid",
};

export async function getReviewSettings(deps: Pick<Deps, "db">, userId: string): Promise<ReviewSettings> {
  const row = await deps.db.reviewSettings.findUnique({ where: { userId } });
  return row ? { desiredRetention: row.desiredRetention, newPerDay: row.newPerDay, examDate: row.examDate, timeZone: row.timeZone } : { ...REVIEW_DEFAULTS };
}

/** Validates and stores; throws InvalidInput with a code per invalid field. */
export async function saveReviewSettings(deps: Pick<Deps, "db" | "clock">, userId: string, input: unknown): Promise<ReviewSettings> {
  const parsed = ReviewSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof ReviewSettings;
      fields[field] ??= FIELD_CODES[field] ?? "review.settingsInvalid";
    }
    throw new DomainError("InvalidInput", "Invalid review settings.", { fields });
  }
  const data = { ...parsed.data, updatedAt: deps.clock.now() };
  await deps.db.reviewSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return parsed.data;
}
