// /{locale} — home: what Dockyard is, one-click guest start, and the learner's progress.
import Link from "next/link";
import { currentUser } from "@/app/_server/session";
import { localeParam } from "@/app/_server/request";
import { getDeps } from "@/lib/core/deps";
import { listLessons } from "@/lib/content/lessons";
import { getLessonProgress, summarizeProgress } from "@/lib/learn/progress";
import { translator } from "@/lib/i18n/messages";
import { GuestStartButton } from "@/components/forms/guest-start-button";
import { LessonList, lessonStatus } from "@/components/lesson/lesson-list";
import { ProgressBar } from "@/components/lesson/progress-bar";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  const lessons = listLessons(locale);
  const progress = user ? await getLessonProgress(getDeps(), user.id) : null;
  const summary = progress ? summarizeProgress(lessons.map((l) => l.frontmatter.id), progress) : null;
  const nextLesson = lessons.find((l) => lessonStatus(progress, l.frontmatter.id) !== "completed") ?? lessons[0];

  return (
    <div className="page home">
      <section className="hero">
        <h1>{t("home.heading")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {user ? (
          <div className="hero-actions">
            {nextLesson && (
              <Link className="button button-primary" href={`/${locale}/lessons/${nextLesson.slug}`}>
                {summary?.opened ? t("home.continue") : t("home.startFirst")}: {nextLesson.frontmatter.title}
              </Link>
            )}
          </div>
        ) : (
          <div className="hero-actions">
            <GuestStartButton locale={locale} label={t("home.startGuest")} />
            <p className="hint">{t("home.guestHint")}</p>
            <Link href={`/${locale}/sign-in`}>{t("home.haveAccount")}</Link>
          </div>
        )}
      </section>

      {user?.isGuest && (
        <aside className="banner" aria-label={t("account.guest")}>
          <p>{t("home.guestBanner")}</p>
          <Link className="button" href={`/${locale}/sign-up`}>
            {t("home.createAccount")}
          </Link>
        </aside>
      )}

      {summary && (
        <section aria-labelledby="progress-heading" className="panel">
          <h2 id="progress-heading">{t("home.yourProgress")}</h2>
          <ProgressBar percent={summary.percent} label={t("home.yourProgress")} />
          <p>{t("lessons.progress", { done: summary.completed, total: summary.total })}</p>
        </section>
      )}

      <section aria-labelledby="outline-heading">
        <h2 id="outline-heading">{t("home.courseOutline")}</h2>
        <LessonList lessons={lessons} locale={locale} progress={progress} t={t} />
      </section>
    </div>
  );
}
