// The end of a session: how many answered, how many right, the ratings given and the time spent,
// then what is next (more waiting, or when the next card falls due).
import { newSessionAction } from "@/app/_server/review-actions";
import type { ExamTopic } from "@/lib/content/lesson-schema";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { formatDateTimeIn, formatDueIn, formatDuration } from "@/lib/learn/format-due";
import type { SessionProgress } from "@/lib/learn/review-flow";
import { RATINGS } from "@/lib/learn/review-types";
import type { SessionSummary as Summary } from "@/lib/learn/sessions";
import Link from "next/link";

type Props = { summary: Summary; progress: SessionProgress; nextDue: Date | null; now: Date; timeZone: string; topic: ExamTopic | null; locale: Locale; t: Translate };

export function SessionSummary({ summary, progress, nextDue, now, timeZone, topic, locale, t }: Props) {
  const upcoming = nextDue && nextDue > now ? `${formatDueIn(nextDue, now, locale)} (${formatDateTimeIn(nextDue, locale, timeZone)})` : null;
  return (
    <section className="panel review-summary" data-testid="review-summary" aria-labelledby="review-summary-title">
      <h2 id="review-summary-title">{t("review.summaryTitle")}</h2>
      {summary.answered === 0 ? (
        <p className="review-summary-empty">{t("review.nothingDue")}</p>
      ) : (
        <>
          <dl className="review-stats">
            <div>
              <dt>{t("review.summaryAnswered")}</dt>
              <dd data-testid="summary-answered">{t("review.summaryCount", { n: summary.answered })}</dd>
            </div>
            <div>
              <dt>{t("review.summaryCorrect")}</dt>
              <dd data-testid="summary-correct">{summary.correctPercent}%</dd>
            </div>
            <div>
              <dt>{t("review.summaryTime")}</dt>
              <dd>{formatDuration(summary.answerMs, locale)}</dd>
            </div>
          </dl>
          <h3 className="review-subtitle">{t("review.summaryRatings")}</h3>
          <ul className="review-rating-counts" data-testid="summary-ratings">
            {RATINGS.map((r) => (
              <li key={r} className={`review-rating-${r}`}>
                <span>{t(`review.rating.${r}`)}</span> <strong>{summary.ratings[r]}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {progress.remaining > 0 ? <p>{t("review.moreWaiting", { n: progress.remaining })}</p> : upcoming && <p>{t("review.comeBack", { when: upcoming })}</p>}
      {(progress.remaining > 0 || topic) && (
        <div className="button-row">
          <form action={newSessionAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="topic" value={topic ?? ""} />
            <button type="submit" className="button button-primary" data-testid="review-new-session">
              {topic ? t("review.drillAgain") : t("review.newSession")}
            </button>
          </form>
          {topic && (
            <Link className="button" href={`/${locale}/review`}>
              {t("review.backToReview")}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
