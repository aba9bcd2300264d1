// The next 30 learning days as bars. The list itself is the text alternative: each bar is a list
// item whose accessible name says the day and the count.
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { shortDay } from "./format";

export function ForecastChart({ forecast, locale, t }: { forecast: { day: string; count: number }[]; locale: Locale; t: Translate }) {
  const max = Math.max(1, ...forecast.map((d) => d.count));
  const total = forecast.reduce((s, d) => s + d.count, 0);
  return (
    <section className="panel dash-panel" aria-labelledby="dash-forecast">
      <h2 id="dash-forecast">{t("dash.forecast")}</h2>
      <p className="hint" data-testid="dash-forecast-total">
        {t("dash.forecastSummary", { n: total })}
      </p>
      <ol className="dash-forecast" data-testid="dash-forecast">
        {forecast.map((d, i) => (
          <li key={d.day} aria-label={t("dash.forecastDay", { day: shortDay(d.day, locale), n: d.count })} title={t("dash.forecastDay", { day: shortDay(d.day, locale), n: d.count })}>
            <span className="dash-forecast-bar" style={{ height: `${(d.count / max) * 100}%` }} />
            {/* A date every ten days, the last anchored right: room for each on a phone, none overflowing. */}
            {((i % 10 === 0 && i < forecast.length - 5) || i === forecast.length - 1) && (
              <span className={`dash-forecast-label${i === forecast.length - 1 ? " is-end" : ""}`} aria-hidden="true">
                {shortDay(d.day, locale)}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
