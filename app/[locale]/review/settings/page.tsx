// /{locale}/review/settings — desired retention, new questions per day, exam date, time zone,
// and the download of the learner's whole review history.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { SettingsForm } from "@/components/review/settings-form";
import { getDeps } from "@/lib/core/deps";
import { getReviewSettings } from "@/lib/learn/settings";
import { translator } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("review.settings") };
}

/** Every IANA zone this runtime knows, plus UTC (which supportedValuesOf leaves out). */
function timeZones(current: string): string[] {
  const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone"), current]);
  return [...zones].sort();
}

export default async function ReviewSettingsPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) redirect(`/${locale}/review`);
  const settings = await getReviewSettings(getDeps(), user.id);
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link href={`/${locale}/review`}>{t("review.backToReview")}</Link>
      </p>
      <h1>{t("review.settings")}</h1>
      <p className="lead">{t("review.settingsLead")}</p>
      <SettingsForm
        locale={locale}
        initial={settings}
        timeZones={timeZones(settings.timeZone)}
        labels={{
          retention: t("review.retention"),
          retentionHint: t("review.retentionHint"),
          newPerDay: t("review.newPerDay"),
          newPerDayHint: t("review.newPerDayHint"),
          examDate: t("review.examDate"),
          examDateHint: t("review.examDateHint"),
          timeZone: t("review.timeZone"),
          timeZoneHint: t("review.timeZoneHint"),
          save: t("review.save"),
          saving: t("auth.pending"),
        }}
      />
      <section className="console-section" aria-labelledby="review-history">
        <h2 id="review-history">{t("review.history")}</h2>
        <p className="hint">{t("review.historyLead")}</p>
        <div className="button-row">
          <a className="button" href={`/${locale}/review/export?format=csv`} download data-testid="export-csv">
            {t("review.exportCsv")}
          </a>
          <a className="button" href={`/${locale}/review/export?format=json`} download data-testid="export-json">
            {t("review.exportJson")}
          </a>
        </div>
      </section>
    </div>
  );
}
