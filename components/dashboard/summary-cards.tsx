// The top row: what is due today, the streak, and true retention next to the desired one.
import Link from "next/link";
import type { Dashboard } from "@/lib/learn/stats/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { percent } from "./format";

export function SummaryCards({ data, locale, t }: { data: Dashboard; locale: Locale; t: Translate }) {
  const { retention } = data;
  return (
    <div className="dash-cards">
      <section className="panel dash-card" aria-labelledby="dash-today" data-testid="dash-today">
        <h2 id="dash-today">{t("dash.today")}</h2>
        <p className="dash-big" data-testid="dash-due">
          {t("dash.dueCount", { n: data.dueToday.due })}
        </p>
        <p className="hint" data-testid="dash-new">
          {t("dash.newCount", { n: data.dueToday.newAllowed })}
        </p>
        <Link className="button button-primary" href={`/${locale}/review`}>
          {t("dash.startReview")}
        </Link>
      </section>
      <section className="panel dash-card" aria-labelledby="dash-streak" data-testid="dash-streak">
        <h2 id="dash-streak">{t("dash.streak")}</h2>
        <p className="dash-big">{t("dash.streakDays", { n: data.streak })}</p>
        <p className="hint" data-testid="dash-total">
          {t("dash.reviewsTotal", { n: data.reviewsTotal })}
        </p>
      </section>
      <section className="panel dash-card" aria-labelledby="dash-retention" data-testid="dash-retention">
        <h2 id="dash-retention">{t("dash.retention")}</h2>
        {retention.rate === null ? (
          <p className="hint">{t("dash.retentionTooFew", { n: retention.reviews })}</p>
        ) : (
          <>
            <p className="dash-big">{t("dash.retentionValue", { actual: percent(retention.rate, locale), desired: percent(data.settings.desiredRetention, locale) })}</p>
            <p className="hint">{t("dash.retentionBasis", { n: retention.reviews })}</p>
          </>
        )}
        {retention.rate === null && <p>{t("dash.retentionValue", { actual: "—", desired: percent(data.settings.desiredRetention, locale) })}</p>}
      </section>
    </div>
  );
}
