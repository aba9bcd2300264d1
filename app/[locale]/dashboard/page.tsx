// /{locale}/dashboard — the learner's study dashboard: today, streak, true retention, the 30-day
// forecast, a year of answers, mastery per topic, and readiness with a plan for the exam date.
import type { Metadata } from "next";
import Link from "next/link";
import "@/app/styles/dashboard.css";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { ExamReadiness } from "@/components/dashboard/exam-readiness";
import { ForecastChart } from "@/components/dashboard/forecast-chart";
import { ReviewHeatmap } from "@/components/dashboard/review-heatmap";
import { SummaryCards } from "@/components/dashboard/summary-cards";
import { TopicMasteryTable } from "@/components/dashboard/topic-mastery";
import { SignInPrompt } from "@/components/learn/signin-prompt";
import { reviewDeps } from "@/lib/learn/review-deps";
import { loadDashboard } from "@/lib/learn/stats/dashboard";
import { translator } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("dash.title") };
}

export default async function DashboardPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) return <SignInPrompt locale={locale} t={t} title={t("dash.title")} lead={t("dash.lead")} prompt={t("dash.signInPrompt")} next={`/${locale}/dashboard`} testId="dash-signin" />;
  const data = await loadDashboard(reviewDeps(), user.id);
  return (
    <div className="page dash-page">
      <h1>{t("dash.title")}</h1>
      <p className="lead">
        {t("dash.lead")} <Link href={`/${locale}/dashboard/help`}>{t("dash.help")}</Link>
      </p>
      {data.reviewsTotal === 0 && (
        <div className="panel dash-empty" data-testid="dash-empty">
          <p>{t("dash.noReviews")}</p>
          <Link className="button button-primary" href={`/${locale}/review`}>
            {t("dash.noReviewsStart")}
          </Link>
        </div>
      )}
      <SummaryCards data={data} locale={locale} t={t} />
      <div className="dash-grid">
        <ExamReadiness exam={data.exam} examDateSet={data.settings.examDate !== null} newPerDay={data.settings.newPerDay} locale={locale} t={t} />
        <ForecastChart forecast={data.forecast} locale={locale} t={t} />
        <ReviewHeatmap days={data.heatmap} locale={locale} t={t} />
        <TopicMasteryTable topics={data.topics} locale={locale} t={t} />
      </div>
    </div>
  );
}
