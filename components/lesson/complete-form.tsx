// "Mark complete" / "undo": a form posting to a server action; works without JavaScript.
import { setLessonCompletedAction } from "@/app/_server/progress-actions";
import type { Translate } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

export function CompleteForm({ locale, slug, completed, t }: { locale: Locale; slug: string; completed: boolean; t: Translate }) {
  return (
    <form action={setLessonCompletedAction} className="complete-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="completed" value={completed ? "false" : "true"} />
      {completed && <span className="badge badge-completed">✓ {t("lessons.completedAt")}</span>}
      <button type="submit" className={completed ? "button" : "button button-primary"} data-testid="complete-toggle">
        {completed ? t("lessons.markIncomplete") : t("lessons.markComplete")}
      </button>
    </form>
  );
}
