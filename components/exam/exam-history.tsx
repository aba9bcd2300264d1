// The learner's past and running exams with their score and verdict, newest first.
import Link from "next/link";
import type { ExamHistoryEntry } from "@/lib/learn/exam/views";
import { formatDateTimeIn } from "@/lib/learn/format-due";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";

export function ExamHistory({ entries, locale, timeZone, t }: { entries: ExamHistoryEntry[]; locale: Locale; timeZone: string; t: Translate }) {
  return (
    <section className="exam-section" aria-labelledby="exam-history">
      <h2 id="exam-history">{t("exam.history")}</h2>
      {entries.length === 0 ? (
        <p className="hint">{t("exam.historyEmpty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="exam-history">
            <thead>
              <tr>
                <th scope="col">{t("exam.historyDate")}</th>
                <th scope="col">{t("exam.historyKind")}</th>
                <th scope="col" className="num">{t("exam.historyScore")}</th>
                <th scope="col">{t("exam.historyResult")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTimeIn(new Date(e.startedAt), locale, timeZone)}</td>
                  <td>{t(`exam.kind.${e.kind}`)}</td>
                  <td className="num">{e.percent === null ? "—" : `${e.correct} / ${e.total} (${e.percent}%)`}</td>
                  <td>
                    {e.running ? (
                      <Link href={`/${locale}/exam/${e.id}`}>{t("exam.inProgress")}</Link>
                    ) : (
                      <Link href={`/${locale}/exam/${e.id}/result`} className={e.passed ? "exam-verdict-pass" : "exam-verdict-fail"}>
                        {e.passed ? t("exam.passed") : t("exam.failed")} · {t("exam.viewResult")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
