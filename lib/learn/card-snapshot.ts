// Cards as stored: the ReviewCard row and the JSON snapshots in ReviewLog.cardBefore/After.
import { z } from "zod";
import type { CardState } from "./scheduler";

/** A stored card: the scheduler's CardState, with `state` as the plain integer column. */
export type CardRow = Omit<CardState, "state"> & { state: number };

const StateSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** Rows come from our own table, but a hand-edited database must not crash the scheduler. */
export function cardFromRow(row: CardRow): CardState {
  return { ...row, state: StateSchema.parse(row.state) };
}

export function cardToRow(card: CardState): CardRow {
  return { ...card };
}

const SnapshotSchema = z.strictObject({
  state: StateSchema,
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.iso.datetime().nullable(),
});
export type CardSnapshot = z.infer<typeof SnapshotSchema>;

export function toSnapshot(card: CardState): CardSnapshot {
  return { ...card, due: card.due.toISOString(), lastReview: card.lastReview?.toISOString() ?? null };
}

export function snapshotJson(card: CardState): string {
  return JSON.stringify(toSnapshot(card));
}

export function parseSnapshot(json: string | null): CardSnapshot | null {
  return json === null ? null : SnapshotSchema.parse(JSON.parse(json));
}
