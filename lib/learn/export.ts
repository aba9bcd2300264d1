// A learner's review log as CSV or JSON, streamed in pages along the (userId, reviewedAt) index so
// a long history never sits in memory at once.
import type { Deps } from "../core/deps";
import { parseSnapshot, type CardSnapshot } from "./card-snapshot";
import { ratingName, type RatingName } from "./review-types";
import { stateName } from "./scheduler";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const PAGE = 500;

type LogRow = {
  id: string;
  showingId: string;
  sessionId: string;
  questionId: string;
  mode: string;
  chosen: string;
  correct: boolean;
  rating: number;
  confidence: string;
  durationMs: number;
  cardBefore: string | null;
  cardAfter: string;
  reviewedAt: Date;
};

export type ExportedReview = {
  reviewedAt: string;
  questionId: string;
  mode: string;
  sessionId: string;
  showingId: string;
  chosen: string[];
  correct: boolean;
  rating: RatingName;
  /** FSRS grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  ratingValue: number;
  confidence: string;
  durationMs: number;
  /** The card before the answer; null for a question answered for the first time. */
  before: CardSnapshot | null;
  after: CardSnapshot;
};

export function toExportedReview(row: LogRow): ExportedReview {
  const after = parseSnapshot(row.cardAfter);
  if (!after) throw new Error(`review ${row.id} has no card snapshot`);
  return {
    reviewedAt: row.reviewedAt.toISOString(),
    questionId: row.questionId,
    mode: row.mode,
    sessionId: row.sessionId,
    showingId: row.showingId,
    chosen: row.chosen.split(",").filter(Boolean),
    correct: row.correct,
    rating: ratingName(row.rating),
    ratingValue: row.rating,
    confidence: row.confidence,
    durationMs: row.durationMs,
    before: parseSnapshot(row.cardBefore),
    after,
  };
}

/** Every review of the learner, oldest first, a page at a time. */
export async function* reviewHistory(deps: Pick<Deps, "db">, userId: string): AsyncGenerator<ExportedReview> {
  let cursor: string | undefined;
  for (;;) {
    const rows: LogRow[] = await deps.db.reviewLog.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) yield toExportedReview(row);
    if (rows.length < PAGE) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

export const CSV_COLUMNS = [
  "reviewed_at",
  "question_id",
  "mode",
  "session_id",
  "showing_id",
  "chosen",
  "correct",
  "rating",
  "rating_value",
  "confidence",
  "duration_ms",
  "state_before",
  "state_after",
  "due_before",
  "due_after",
  "stability_before",
  "stability_after",
  "difficulty_before",
  "difficulty_after",
  "reps_after",
  "lapses_after",
] as const;

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets never run a formula. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(r: ExportedReview): string {
  const cells = [
    r.reviewedAt,
    r.questionId,
    r.mode,
    r.sessionId,
    r.showingId,
    r.chosen.join(","),
    r.correct,
    r.rating,
    r.ratingValue,
    r.confidence,
    r.durationMs,
    stateName(r.before?.state ?? 0),
    stateName(r.after.state),
    r.before?.due ?? null,
    r.after.due,
    r.before?.stability ?? null,
    r.after.stability,
    r.before?.difficulty ?? null,
    r.after.difficulty,
    r.after.reps,
    r.after.lapses,
  ];
  return cells.map(csvField).join(",");
}

export async function* csvChunks(deps: Pick<Deps, "db">, userId: string): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(",")}\r\n`;
  for await (const review of reviewHistory(deps, userId)) yield `${csvRow(review)}\r\n`;
}

/** {"format":"dockyard-reviews/1","exportedAt":...,"reviews":[...]}, written item by item. */
export async function* jsonChunks(deps: Pick<Deps, "db">, userId: string, exportedAt: Date): AsyncGenerator<string> {
  yield `{"format":"dockyard-reviews/1","exportedAt":${JSON.stringify(exportedAt.toISOString())},"reviews":[`;
  let first = true;
  for await (const review of reviewHistory(deps, userId)) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(review)}`;
    first = false;
  }
  yield "\n]}\n";
}

export function exportFileName(format: ExportFormat, now: Date): string {
  return `dockyard-reviews-${now.toISOString().slice(0, 10)}.${format}`;
}
