// Score per topic: correct of asked, a bar against the pass mark, and a drill link for each topic.
import Link from "next/link";
import type { TopicScore } from "@/lib/learn/exam/score";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";

export function TopicBreakdown({ topics, passPercent, locale, t }: { topics: TopicScore[]; passPercent: number; locale: Locale; t: Translate }) {
  return (
    <section className="exam-section" aria-labelledby="exam-by-topic">
      <h2 id="exam-by-topic">{t("exam.byTopic")}</h2>
      <div className="table-scroll">
        <table className="data-table exam-topic-table" data-testid="exam-by-topic">
          <thead>
            <tr>
              <th scope="col">{t("exam.topicCol")}</th>
              <th scope="col" className="num">{t("exam.correctCol")}</th>
              <th scope="col">{t("exam.percentCol")}</th>
              <th scope="col">{t("exam.drill")}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((s) => (
              <tr key={s.topic} data-topic={s.topic}>
                <th scope="row">{t(`topic.${s.topic}`)}</th>
                <td className="num">
                  {s.correct} / {s.total}
                </td>
                <td>
                  <span className="exam-bar" aria-hidden="true">
                    <span className={`exam-bar-fill${s.percent >= passPercent ? " is-pass" : ""}`} style={{ width: `${s.percent}%` }} />
                    <span className="exam-bar-mark" style={{ left: `${passPercent}%` }} />
                  </span>
                  <span className="exam-bar-text">{s.percent}%</span>
                </td>
                <td>
                  <Link href={`/${locale}/review?topic=${s.topic}`} aria-label={t("exam.drillTopic", { topic: t(`topic.${s.topic}`) })}>
                    {t("exam.drill")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
