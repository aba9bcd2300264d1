// /{locale}/review — a review session (due questions, then new ones), or with ?topic=<exam topic>
// a drill of that topic regardless of due dates. Guests review too; anonymous visitors are asked
// to start as a guest or sign in.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { SignInPrompt } from "@/components/learn/signin-prompt";
import { ExamCountdown } from "@/components/review/exam-countdown";
import { playerLabels } from "@/components/review/labels";
import { ReviewPlayer } from "@/components/review/review-player";
import { SessionSummary } from "@/components/review/session-summary";
import { TopicDrills } from "@/components/review/topic-drills";
import { ExamTopicSchema, type ExamTopic } from "@/lib/content/lesson-schema";
import { presentQuestion } from "@/lib/learn/present";
import { reviewDeps } from "@/lib/learn/review-deps";
import { loadReview } from "@/lib/learn/review-flow";
import { translator, type Translate } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function topicParam(searchParams: Props["searchParams"]): Promise<ExamTopic | null> {
  const value = (await searchParams).topic;
  if (value === undefined) return null;
  const parsed = ExamTopicSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

function title(t: Translate, topic: ExamTopic | null): string {
  return topic ? t("review.drillTitle", { topic: t(`topic.${topic}`) }) : t("review.title");
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return { title: title(translator(localeParam((await params).locale)), await topicParam(searchParams)) };
}

export default async function ReviewPage({ params, searchParams }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const topic = await topicParam(searchParams);
  const user = await currentUser();
  const here = topic ? `/${locale}/review?topic=${topic}` : `/${locale}/review`;
  if (!user) return <SignInPrompt locale={locale} t={t} title={title(t, topic)} lead={t("review.lead")} prompt={t("review.signInPrompt")} next={here} testId="review-signin" />;
  const deps = reviewDeps();
  const view = await loadReview(deps, user.id, { mode: topic ? "drill" : "review", topic });
  return (
    <div className="page review-page">
      <header className="review-header">
        <div>
          <h1>{title(t, topic)}</h1>
          <p className="hint review-lead">{topic ? t("review.drillLead") : t("review.lead")}</p>
        </div>
        <div className="review-header-tools">
          <ExamCountdown settings={view.settings} now={deps.clock.now()} t={t} />
          <Link className="button button-small" href={`/${locale}/review/settings`}>
            {t("review.settings")}
          </Link>
        </div>
      </header>
      {view.kind === "question" ? (
        <ReviewPlayer
          key={view.showingId}
          locale={locale}
          question={presentQuestion(view.question, view.showingId, view.optionOrder, locale)}
          progress={view.progress}
          topicLabel={t(`topic.${view.question.topic}`)}
          labels={playerLabels(t)}
        />
      ) : (
        <SessionSummary summary={view.summary} progress={view.progress} nextDue={view.nextDue} now={deps.clock.now()} timeZone={view.settings.timeZone} topic={topic} locale={locale} t={t} />
      )}
      <TopicDrills locale={locale} current={topic} questions={deps.questions} t={t} />
    </div>
  );
}
