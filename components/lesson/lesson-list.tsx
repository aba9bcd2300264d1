// The course outline: every lesson in order with its reading time and the learner's status.
import Link from "next/link";
import type { ParsedLesson } from "@/lib/content/parse-lesson";
import type { LessonProgressEntry } from "@/lib/learn/progress";
import type { Translate } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { ProgressBadge, type LessonStatus } from "./progress-badge";

export function lessonStatus(progress: Map<string, LessonProgressEntry> | null, lessonId: string): LessonStatus {
  const entry = progress?.get(lessonId);
  return entry?.completedAt ? "completed" : entry ? "opened" : "notStarted";
}

export function LessonList({ lessons, locale, progress, t }: { lessons: ParsedLesson[]; locale: Locale; progress: Map<string, LessonProgressEntry> | null; t: Translate }) {
  return (
    <ol className="lesson-list">
      {lessons.map((lesson) => {
        const status = lessonStatus(progress, lesson.frontmatter.id);
        return (
          <li key={lesson.slug} className={`lesson-card lesson-${status}`}>
            <span className="lesson-number" aria-hidden="true">{lesson.frontmatter.order}</span>
            <div className="lesson-card-body">
              <h3>
                <Link href={`/${locale}/lessons/${lesson.slug}`}>{lesson.frontmatter.title}</Link>
              </h3>
              <p>{lesson.frontmatter.summary}</p>
              <p className="lesson-meta">
                <span>{t("lessons.minutes", { n: lesson.frontmatter.minutes })}</span>
                {progress && <ProgressBadge status={status} t={t} />}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
