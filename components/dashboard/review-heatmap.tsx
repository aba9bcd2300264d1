// A year of answers as a GitHub-style grid (weeks as columns, calendar days in the learner's zone). The grid is decorative for screen
// readers, which get the summary sentence instead of 365 cells; each cell has a hover title.
import type { HeatmapDay } from "@/lib/learn/stats/calendar";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { longDay } from "./format";

export function ReviewHeatmap({ days, locale, t }: { days: HeatmapDay[]; locale: Locale; t: Translate }) {
  const active = days.filter((d) => d.count > 0);
  const total = active.reduce((s, d) => s + d.count, 0);
  const best = active.reduce<HeatmapDay | null>((b, d) => (!b || d.count > b.count ? d : b), null);
  // Pad the first week so every column starts on Sunday.
  const lead = new Date(`${days[0]!.day}T00:00:00Z`).getUTCDay();
  return (
    <section className="panel dash-panel" aria-labelledby="dash-heatmap">
      <h2 id="dash-heatmap">{t("dash.heatmap")}</h2>
      <p className="hint" id="dash-heatmap-summary" data-testid="dash-heatmap-summary">
        {best ? t("dash.heatmapSummary", { n: total, days: active.length, best: `${longDay(best.day, locale)} (${best.count})` }) : t("dash.heatmapNone")}
      </p>
      {/* Focusable so keyboard users can scroll it; it announces the summary above. */}
      <div className="dash-heatmap-scroll" tabIndex={0} role="group" aria-labelledby="dash-heatmap-summary">
        <div className="dash-heatmap" aria-hidden="true" data-testid="dash-heatmap">
          {Array.from({ length: lead }, (_, i) => (
            <span key={`pad-${i}`} className="dash-cell is-pad" />
          ))}
          {days.map((d) => (
            <span key={d.day} className={`dash-cell level-${d.level}`} title={t("dash.heatmapCell", { day: longDay(d.day, locale), n: d.count })} data-day={d.day} data-count={d.count} />
          ))}
        </div>
      </div>
      <p className="dash-legend" aria-hidden="true">
        {t("dash.less")}
        {[0, 1, 2, 3, 4].map((level) => (
          <span key={level} className={`dash-cell level-${level}`} />
        ))}
        {t("dash.more")}
      </p>
    </section>
  );
}
