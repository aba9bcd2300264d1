// Exam-day readiness and the plan, or a prompt to set the exam date.
import Link from "next/link";
import type { ExamOutlook } from "@/lib/learn/stats/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { longDay, probabilityPercent } from "./format";

type Props = { exam: ExamOutlook | null; examDateSet: boolean; newPerDay: number; locale: Locale; t: Translate };

export function ExamReadiness({ exam, examDateSet, newPerDay, locale, t }: Props) {
  return (
    <section className="panel dash-panel dash-wide dash-readiness" aria-labelledby="dash-readiness" data-testid="dash-readiness">
      <h2 id="dash-readiness">{t("dash.readiness")}</h2>
      {!exam ? (
        <>
          <p>{t(examDateSet ? "dash.examPast" : "dash.noExamDate")}</p>
          <Link className="button" href={`/${locale}/review/settings`}>
            {t("dash.setExamDate")}
          </Link>
        </>
      ) : (
        <>
          <p className="hint">{exam.daysLeft === 0 ? t("dash.examToday", { date: longDay(exam.date, locale) }) : t("dash.examDate", { date: longDay(exam.date, locale), n: exam.daysLeft })}</p>
          <p className={`dash-probability band-${exam.band}`} data-testid="dash-pass-probability" data-probability={exam.readiness.probability.toFixed(4)}>
            {t("dash.passProbability", { p: probabilityPercent(exam.readiness.probability, locale) })} <span className="dash-band">— {t(`dash.band.${exam.band}`)}</span>
          </p>
          <p>{t("dash.expectedScore", { count: exam.readiness.questionCount, expected: exam.readiness.expectedScore.toFixed(1), needed: exam.readiness.needed })}</p>
          <h3>{t("dash.plan")}</h3>
          <ul className="dash-plan" data-testid="dash-plan">
            <li>{t("dash.planReviews", { n: exam.plan.reviewsPerDay, total: exam.plan.reviewsNeeded })}</li>
            {exam.plan.unseen === 0 ? (
              <li>{t("dash.planAllSeen")}</li>
            ) : (
              <li>
                {t("dash.planNew", { unseen: exam.plan.unseen, n: exam.plan.newPerDayNeeded })} {t(exam.plan.newPerDayEnough ? "dash.planNewOk" : "dash.planNewShort", { current: newPerDay })}
              </li>
            )}
          </ul>
        </>
      )}
      <p>
        <Link href={`/${locale}/dashboard/help`}>{t("dash.help")}</Link>
      </p>
    </section>
  );
}
