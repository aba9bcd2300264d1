import type { Translate } from "@/lib/i18n/messages";

export type LessonStatus = "completed" | "opened" | "notStarted";

export function ProgressBadge({ status, t }: { status: LessonStatus; t: Translate }) {
  const text = status === "completed" ? t("lessons.completed") : status === "opened" ? t("lessons.opened") : t("lessons.notStarted");
  return <span className={`badge badge-${status}`}>{status === "completed" ? "✓ " : ""}{text}</span>;
}
