// /{locale}/exam — mock exams: resume the running one, or choose a format and start; the
// blueprint; past results.
import type { Metadata } from "next";
import Link from "next/link";
import "@/app/styles/exam.css";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { BlueprintTable } from "@/components/exam/blueprint-table";
import { ExamHistory } from "@/components/exam/exam-history";
import { SignInPrompt } from "@/components/learn/signin-prompt";
import { StartExamForm } from "@/components/exam/start-exam-form";
import { formatClock } from "@/components/exam/use-countdown";
import { EXAM_FORMATS, EXAM_KINDS, ExamKindSchema } from "@/lib/learn/blueprint";
import { runningExam } from "@/lib/learn/exam/exam-store";
import { listExams } from "@/lib/learn/exam/views";
import { formatDateTimeIn } from "@/lib/learn/format-due";
import { reviewDeps } from "@/lib/learn/review-deps";
import { getReviewSettings } from "@/lib/learn/settings";
import { translator } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("exam.title") };
}

export default async function ExamPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) return <SignInPrompt locale={locale} t={t} title={t("exam.title")} lead={t("exam.lead")} prompt={t("exam.signInPrompt")} next={`/${locale}/exam`} testId="exam-signin" />;
  const deps = reviewDeps();
  const running = await runningExam(deps, user.id);
  const [history, settings] = await Promise.all([listExams(deps, user.id), getReviewSettings(deps, user.id)]);
  const now = deps.clock.now();
  return (
    <div className="page exam-page">
      <h1>{t("exam.title")}</h1>
      <p className="lead">{t("exam.lead")}</p>
      {running ? (
        <div className="panel exam-running" data-testid="exam-running">
          <h2>{t("exam.runningTitle")}</h2>
          <p>
            {t("exam.runningBody", {
              kind: t(`exam.kind.${ExamKindSchema.catch("short").parse(running.kind)}`),
              started: formatDateTimeIn(running.startedAt, locale, settings.timeZone),
              left: formatClock(Math.max(0, running.deadline.getTime() - now.getTime())),
            })}
          </p>
          <Link className="button button-primary" href={`/${locale}/exam/${running.id}`} data-testid="exam-resume">
            {t("exam.resume")}
          </Link>
        </div>
      ) : (
        <StartExamForm
          locale={locale}
          formats={EXAM_KINDS.map((kind) => ({
            kind,
            title: t(`exam.kind.${kind}`),
            summary: t("exam.formatDesc", { count: EXAM_FORMATS[kind].questionCount, minutes: EXAM_FORMATS[kind].durationMinutes, pass: EXAM_FORMATS[kind].passPercent }),
            description: t(kind === "full" ? "exam.fullDesc" : "exam.shortDesc"),
          }))}
          labels={{
            start: t("exam.start"),
            starting: t("exam.starting"),
            customize: t("exam.customize"),
            questionCount: t("exam.questionCount"),
            durationMinutes: t("exam.durationMinutes"),
            passPercent: t("exam.passPercent"),
            formatLegend: t("exam.formatLegend"),
          }}
        />
      )}
      <ExamHistory entries={history} locale={locale} timeZone={settings.timeZone} t={t} />
      <BlueprintTable t={t} />
    </div>
  );
}
