// /{locale}/lessons — the lesson index with per-user progress.
import type { Metadata } from "next";
import { currentUser } from "@/app/_server/session";
import { localeParam } from "@/app/_server/request";
import { getDeps } from "@/lib/core/deps";
import { listLessons } from "@/lib/content/lessons";
import { getLessonProgress, summarizeProgress } from "@/lib/learn/progress";
import { translator } from "@/lib/i18n/messages";
import { LessonList } from "@/components/lesson/lesson-list";
import { ProgressBar } from "@/components/lesson/progress-bar";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = translator(localeParam((await params).locale));
  return { title: t("lessons.title"), description: t("lessons.lead") };
}

export default async function LessonsPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  const lessons = listLessons(locale);
  const progress = user ? await getLessonProgress(getDeps(), user.id) : null;
  const summary = progress ? summarizeProgress(lessons.map((l) => l.frontmatter.id), progress) : null;
  return (
    <div className="page">
      <h1>{t("lessons.title")}</h1>
      <p className="lead">{t("lessons.lead")}</p>
      {summary && (
        <div className="panel" data-testid="lessons-progress">
          <ProgressBar percent={summary.percent} label={t("home.yourProgress")} />
          <p>{t("lessons.progress", { done: summary.completed, total: summary.total })}</p>
        </div>
      )}
      <LessonList lessons={lessons} locale={locale} progress={progress} t={t} />
    </div>
  );
}
