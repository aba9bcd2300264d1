// /{locale}/lessons/{slug} — one lesson: contents, body, completion and previous/next.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser } from "@/app/_server/session";
import { localeParam } from "@/app/_server/request";
import { getDeps } from "@/lib/core/deps";
import { compileLesson } from "@/lib/content/compile-lesson";
import { findLesson, neighbours } from "@/lib/content/lessons";
import { getLessonProgress } from "@/lib/learn/progress";
import { translator } from "@/lib/i18n/messages";
import { lessonComponents } from "@/components/lesson/mdx-components";
import { TableOfContents } from "@/components/lesson/toc";
import { CompleteForm } from "@/components/lesson/complete-form";
import { LessonViewTracker } from "@/components/lesson/lesson-view-tracker";
import { LessonNavKeys } from "@/components/lesson/lesson-nav-keys";
import { GuestStartButton } from "@/components/forms/guest-start-button";

type Props = { params: Promise<{ locale: string; slug: string }> };

async function load(params: Props["params"]) {
  const { locale: rawLocale, slug } = await params;
  const locale = localeParam(rawLocale);
  const lesson = findLesson(locale, slug);
  if (!lesson) notFound();
  return { locale, lesson };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, lesson } = await load(params);
  return {
    title: lesson.frontmatter.title,
    description: lesson.frontmatter.summary,
    alternates: { languages: { ja: `/ja/lessons/${lesson.slug}`, en: `/en/lessons/${lesson.slug}` } },
    openGraph: { title: lesson.frontmatter.title, description: lesson.frontmatter.summary, locale: locale === "ja" ? "ja_JP" : "en_US" },
  };
}

export default async function LessonPage({ params }: Props) {
  const { locale, lesson } = await load(params);
  const t = translator(locale);
  const user = await currentUser();
  const progress = user ? await getLessonProgress(getDeps(), user.id) : null;
  const completed = Boolean(progress?.get(lesson.frontmatter.id)?.completedAt);
  const { previous, next } = neighbours(locale, lesson.slug);
  const Body = await compileLesson(lesson);
  const hrefOf = (slug: string) => `/${locale}/lessons/${slug}`;

  return (
    <div className="page lesson-page">
      <nav className="breadcrumbs" aria-label={t("lessons.backToList")}>
        <Link href={`/${locale}/lessons`}>← {t("lessons.backToList")}</Link>
      </nav>
      <div className="lesson-layout">
        <aside className="lesson-aside">
          <TableOfContents headings={lesson.headings} title={t("lessons.toc")} />
        </aside>
        <article className="lesson" lang={locale}>
          <header className="lesson-header">
            <p className="eyebrow">
              {t("lessons.lessonNumber", { n: lesson.frontmatter.order })} · {t("lessons.minutes", { n: lesson.frontmatter.minutes })}
            </p>
            <h1>{lesson.frontmatter.title}</h1>
            <p className="lead">{lesson.frontmatter.summary}</p>
            <ul className="topic-list" aria-label={t("lessons.examTopics")}>
              {lesson.frontmatter.examTopics.map((topic) => (
                <li key={topic} className="topic-chip">
                  {t(`topic.${topic}`)}
                </li>
              ))}
            </ul>
          </header>
          <div className="prose">
            <Body components={lessonComponents(locale)} />
          </div>
          <footer className="lesson-footer">
            {user ? (
              <CompleteForm locale={locale} slug={lesson.slug} completed={completed} t={t} />
            ) : (
              <div className="panel">
                <p>{t("lessons.signInToTrack")}</p>
                <GuestStartButton locale={locale} label={t("home.startGuest")} next={hrefOf(lesson.slug)} />
              </div>
            )}
            <nav className="prev-next" aria-label={`${t("lessons.previous")} / ${t("lessons.next")}`}>
              {previous ? (
                <Link href={hrefOf(previous.slug)} rel="prev" className="prev">
                  <span className="prev-next-label">← {t("lessons.previous")} <kbd>[</kbd></span>
                  <span>{previous.frontmatter.title}</span>
                </Link>
              ) : (
                <span />
              )}
              {next && (
                <Link href={hrefOf(next.slug)} rel="next" className="next">
                  <span className="prev-next-label">{t("lessons.next")} → <kbd>]</kbd></span>
                  <span>{next.frontmatter.title}</span>
                </Link>
              )}
            </nav>
          </footer>
        </article>
      </div>
      {user && <LessonViewTracker locale={locale} slug={lesson.slug} />}
      <LessonNavKeys previousHref={previous ? hrefOf(previous.slug) : null} nextHref={next ? hrefOf(next.slug) : null} />
    </div>
  );
}
