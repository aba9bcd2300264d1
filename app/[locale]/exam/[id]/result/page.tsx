// /{locale}/exam/{id}/result?show=all|wrong|flagged — a graded mock exam: score and verdict
// against the pass mark, the score per topic, and every answer explained (filterable by link, so
// it works without JavaScript). A running exam sends the learner back to it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import "@/app/styles/exam.css";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { ReviewedItemCard } from "@/components/exam/reviewed-item";
import { SignInPrompt } from "@/components/learn/signin-prompt";
import { TopicBreakdown } from "@/components/exam/topic-breakdown";
import { isDomainError } from "@/lib/core/errors";
import { ExamIdSchema } from "@/lib/learn/exam/exam-input";
import { loadExamResult, type ExamResultView, type ReviewedItem } from "@/lib/learn/exam/views";
import { formatDateTimeIn } from "@/lib/learn/format-due";
import { reviewDeps } from "@/lib/learn/review-deps";
import { getReviewSettings } from "@/lib/learn/settings";
import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["all", "wrong", "flagged"] as const;
type Filter = (typeof FILTERS)[number];
const FilterSchema = z.enum(FILTERS).catch("all");

const MATCHES: Record<Filter, (item: ReviewedItem) => boolean> = {
  all: () => true,
  wrong: (item) => !item.correct,
  flagged: (item) => item.flagged,
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("exam.resultTitle") };
}

async function load(userId: string, id: string, locale: Locale): Promise<ExamResultView | null> {
  const examId = ExamIdSchema.safeParse(id);
  if (!examId.success) notFound();
  try {
    return await loadExamResult(reviewDeps(), userId, examId.data, locale);
  } catch (error) {
    if (isDomainError(error, "NotFound")) notFound();
    throw error;
  }
}

export default async function ExamResultPage({ params, searchParams }: Props) {
  const { locale: raw, id } = await params;
  const locale = localeParam(raw);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) return <SignInPrompt locale={locale} t={t} title={t("exam.title")} lead={t("exam.lead")} prompt={t("exam.signInPrompt")} next={`/${locale}/exam`} testId="exam-signin" />;
  const result = await load(user.id, id, locale);
  if (!result) redirect(`/${locale}/exam/${id}`);
  const filter = FilterSchema.parse((await searchParams).show);
  const { exam, score } = result;
  const { timeZone } = await getReviewSettings(reviewDeps(), user.id);
  const shown = result.items.filter(MATCHES[filter]);
  const counts: Record<Filter, number> = { all: result.items.length, wrong: result.items.filter(MATCHES.wrong).length, flagged: result.items.filter(MATCHES.flagged).length };
  const filterLabel = { all: "exam.filterAll", wrong: "exam.filterWrong", flagged: "exam.filterFlagged" } as const;
  return (
    <div className="page exam-page">
      <h1>{t("exam.resultTitle")}</h1>
      <p className="hint">{t("exam.resultLead", { kind: t(`exam.kind.${exam.kind}`), date: formatDateTimeIn(new Date(exam.submittedAt), locale, timeZone) })}</p>
      <section className={`panel exam-score ${score.passed ? "is-pass" : "is-fail"}`} data-testid="exam-score" data-passed={score.passed}>
        <p className="exam-verdict">{score.passed ? t("exam.passed") : t("exam.failed")}</p>
        <p className="exam-score-main">{t("exam.score", { correct: score.correct, total: score.total, percent: score.percent })}</p>
        <p>{t("exam.passMark", { pass: exam.passPercent, needed: score.needed })}</p>
        {exam.endReason === "timeout" && <p className="exam-timeout-note">{t("exam.endedByTimeout")}</p>}
        <p className="hint">{t("exam.scheduledNote")}</p>
      </section>
      <TopicBreakdown topics={score.byTopic} passPercent={exam.passPercent} locale={locale} t={t} />
      <section className="exam-section" aria-labelledby="exam-answers">
        <h2 id="exam-answers">{t("exam.answersTitle")}</h2>
        <nav className="exam-filter" aria-label={t("exam.filter")}>
          {FILTERS.map((f) => (
            <Link key={f} href={`/${locale}/exam/${exam.id}/result?show=${f}#exam-answers`} aria-current={f === filter ? "page" : undefined} className={`chip-link${f === filter ? " is-current" : ""}`} data-testid={`exam-filter-${f}`}>
              {t(filterLabel[f], { n: counts[f] })}
            </Link>
          ))}
        </nav>
        {shown.length === 0 ? <p className="hint">{t("exam.filterEmpty")}</p> : shown.map((item) => <ReviewedItemCard key={item.position} item={item} t={t} />)}
      </section>
      <div className="button-row">
        <Link className="button button-primary" href={`/${locale}/exam`}>
          {t("exam.newExam")}
        </Link>
      </div>
    </div>
  );
}
