// Per-user lesson progress: when a lesson was first and last opened, and whether it is complete.
import type { Deps } from "../core/deps";

export type LessonProgressEntry = { lessonId: string; firstOpenedAt: Date; lastOpenedAt: Date; completedAt: Date | null };

type ProgressDeps = Pick<Deps, "db" | "clock">;

export async function recordLessonOpened(deps: ProgressDeps, userId: string, lessonId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, firstOpenedAt: now, lastOpenedAt: now },
    update: { lastOpenedAt: now },
  });
}

/** Marks a lesson complete (or not). Completing also counts as opening it. */
export async function setLessonCompleted(deps: ProgressDeps, userId: string, lessonId: string, completed: boolean): Promise<void> {
  const now = deps.clock.now();
  await deps.db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, firstOpenedAt: now, lastOpenedAt: now, completedAt: completed ? now : null },
    update: { completedAt: completed ? now : null },
  });
}

export async function getLessonProgress(deps: Pick<Deps, "db">, userId: string): Promise<Map<string, LessonProgressEntry>> {
  const rows = await deps.db.lessonProgress.findMany({ where: { userId } });
  return new Map(rows.map((r) => [r.lessonId, { lessonId: r.lessonId, firstOpenedAt: r.firstOpenedAt, lastOpenedAt: r.lastOpenedAt, completedAt: r.completedAt }]));
}

export type ProgressSummary = { total: number; opened: number; completed: number; percent: number };

export function summarizeProgress(lessonIds: string[], progress: Map<string, LessonProgressEntry>): ProgressSummary {
  const opened = lessonIds.filter((id) => progress.has(id)).length;
  const completed = lessonIds.filter((id) => progress.get(id)?.completedAt).length;
  return { total: lessonIds.length, opened, completed, percent: lessonIds.length ? Math.round((completed / lessonIds.length) * 100) : 0 };
}
