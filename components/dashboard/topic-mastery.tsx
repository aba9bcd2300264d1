// Mastery per topic: a bar, the percentage, answered of total, and a drill link.
import Link from "next/link";
import type { TopicMastery } from "@/lib/learn/stats/mastery";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { percent } from "./format";

export function TopicMasteryTable({ topics, locale, t }: { topics: TopicMastery[]; locale: Locale; t: Translate }) {
  return (
    <section className="panel dash-panel dash-wide" aria-labelledby="dash-mastery">
      <h2 id="dash-mastery">{t("dash.mastery")}</h2>
      <p className="hint">{t("dash.masteryLead")}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="dash-mastery">
          <thead>
            <tr>
              <th scope="col">{t("dash.masteryTopic")}</th>
              <th scope="col">{t("dash.masteryValue")}</th>
              <th scope="col" className="num">{t("dash.masterySeen")}</th>
              <th scope="col">{t("dash.masteryDrill")}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((m) => (
              <tr key={m.topic} data-topic={m.topic}>
                <th scope="row">{t(`topic.${m.topic}`)}</th>
                <td>
                  <span className="dash-bar" aria-hidden="true">
                    <span className="dash-bar-fill" style={{ width: `${Math.round(m.mastery * 100)}%` }} />
                  </span>
                  <span className="dash-bar-text">{percent(m.mastery, locale)}</span>
                </td>
                <td className="num">
                  {m.seen} / {m.total}
                </td>
                <td>
                  <Link href={`/${locale}/review?topic=${m.topic}`} aria-label={t("review.drillTitle", { topic: t(`topic.${m.topic}`) })}>
                    {t("dash.masteryDrill")}
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
