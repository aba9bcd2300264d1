// /{locale}/exam/{id}?q=N — a running mock exam (question N on screen). An exam that is over
// (submitted, or its time ran out meanwhile) goes to its result.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import "@/app/styles/exam.css";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { ExamPlayer } from "@/components/exam/exam-player";
import { examPlayerLabels } from "@/components/exam/labels";
import { SignInPrompt } from "@/components/learn/signin-prompt";
import { isDomainError } from "@/lib/core/errors";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { ExamIdSchema } from "@/lib/learn/exam/exam-input";
import { loadExamPlayer, type ExamPlayerView } from "@/lib/learn/exam/views";
import { reviewDeps } from "@/lib/learn/review-deps";
import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("exam.title") };
}

async function load(userId: string, id: string, locale: Locale): Promise<ExamPlayerView> {
  const examId = ExamIdSchema.safeParse(id);
  if (!examId.success) notFound();
  try {
    return await loadExamPlayer(reviewDeps(), userId, examId.data, locale);
  } catch (error) {
    if (isDomainError(error, "NotFound")) notFound();
    throw error;
  }
}

export default async function ExamPlayerPage({ params, searchParams }: Props) {
  const { locale: raw, id } = await params;
  const locale = localeParam(raw);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) return <SignInPrompt locale={locale} t={t} title={t("exam.title")} lead={t("exam.lead")} prompt={t("exam.signInPrompt")} next={`/${locale}/exam`} testId="exam-signin" />;
  const view = await load(user.id, id, locale);
  if (view.kind === "ended") redirect(`/${locale}/exam/${view.examId}/result`);
  const q = Number((await searchParams).q);
  const initialIndex = Math.max(0, view.items.findIndex((i) => i.position === q));
  return (
    <div className="page exam-page">
      <h1 className="exam-title">
        {t("exam.title")} · {t(`exam.kind.${view.exam.kind}`)}
      </h1>
      <ExamPlayer
        locale={locale}
        examId={view.exam.id}
        items={view.items}
        deadline={view.exam.deadline}
        serverNow={view.now}
        initialIndex={initialIndex}
        topicLabels={Object.fromEntries(EXAM_TOPICS.map((topic) => [topic, t(`topic.${topic}`)]))}
        resultHref={`/${locale}/exam/${view.exam.id}/result`}
        labels={examPlayerLabels(t)}
      />
    </div>
  );
}
