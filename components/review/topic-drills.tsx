// Links to practise one exam topic now, with how many questions each topic has.
import Link from "next/link";
import { EXAM_TOPICS, type ExamTopic } from "@/lib/content/lesson-schema";
import type { QuestionCatalog } from "@/lib/content/questions";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";

export function TopicDrills({ locale, current, questions, t }: { locale: Locale; current: ExamTopic | null; questions: QuestionCatalog; t: Translate }) {
  return (
    <section className="review-drills" aria-labelledby="review-drills-title">
      <h2 id="review-drills-title">{t("review.drills")}</h2>
      <p className="hint">{t("review.drillsLead")}</p>
      <ul className="review-drill-list">
        {EXAM_TOPICS.map((topic) => (
          <li key={topic}>
            <Link className={`review-drill${topic === current ? " is-current" : ""}`} href={`/${locale}/review?topic=${topic}`} aria-current={topic === current ? "page" : undefined} data-testid={`drill-${topic}`}>
              <span>{t(`topic.${topic}`)}</span>
              <span className="badge">{questions.byTopic.get(topic)?.length ?? 0}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
