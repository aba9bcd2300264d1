// Everything the dashboard shows, for one learner at the clock's "now". Reads the learner's cards
// (at most the bank's size) and a year of review times through the (userId, reviewedAt) index.
import type { ReviewDeps } from "../review-deps";
import { cardFromRow } from "../card-snapshot";
import { daysUntil, learningDayStart, localTimeOn } from "../learning-day";
import { newAllowance } from "../queue";
import type { CardState } from "../scheduler";
import { getReviewSettings, type ReviewSettings } from "../settings";
import { currentStreak, dueForecast, reviewHeatmap, type HeatmapDay } from "./calendar";
import { topicChanceOn, topicMastery, type TopicMastery } from "./mastery";
import { studyPlan, type StudyPlan } from "./plan";
import { examReadiness, readinessBand, type Readiness } from "./readiness";
import { trueRetention, type TrueRetention } from "./retention";

/** The exam is taken in the morning: retrievability is projected to 09:00 on the exam date. */
const EXAM_HOUR = 9;

export type ExamOutlook = { date: string; daysLeft: number; readiness: Readiness; band: ReturnType<typeof readinessBand>; plan: StudyPlan };

export type Dashboard = {
  settings: ReviewSettings;
  dueToday: { due: number; newAllowed: number };
  forecast: { day: string; count: number }[];
  heatmap: HeatmapDay[];
  streak: number;
  reviewsTotal: number;
  retention: TrueRetention;
  topics: TopicMastery[];
  /** Null without an exam date, or once it has passed. */
  exam: ExamOutlook | null;
};

export async function loadDashboard(deps: ReviewDeps, userId: string): Promise<Dashboard> {
  const now = deps.clock.now();
  const settings = await getReviewSettings(deps, userId);
  const yearAgo = new Date(learningDayStart(now, settings.timeZone).getTime() - 366 * 86_400_000);
  const rows = await deps.db.reviewCard.findMany({ where: { userId } });
  const logs = await deps.db.reviewLog.findMany({ where: { userId, reviewedAt: { gte: yearAgo } }, select: { reviewedAt: true, correct: true, stateBefore: true } });
  const reviewsTotal = await deps.db.reviewLog.count({ where: { userId } });
  const newAllowed = await newAllowance(deps.db, userId, now, settings);
  const cards = new Map<string, CardState>(rows.filter((r) => deps.questions.byId.has(r.questionId)).map((r) => [r.questionId, cardFromRow(r)]));
  // Tomorrow's learning day starts at the day start of an instant 30 hours after today's.
  const endOfToday = learningDayStart(new Date(learningDayStart(now, settings.timeZone).getTime() + 30 * 3_600_000), settings.timeZone);
  const reviewedAt = logs.map((l) => l.reviewedAt);
  return {
    settings,
    dueToday: { due: [...cards.values()].filter((c) => c.due.getTime() < endOfToday.getTime()).length, newAllowed: Math.min(newAllowed, deps.questions.all.length - cards.size) },
    forecast: dueForecast(
      [...cards.values()].map((c) => c.due),
      now,
      settings.timeZone,
    ),
    heatmap: reviewHeatmap(reviewedAt, now, settings.timeZone),
    streak: currentStreak(reviewedAt, now, settings.timeZone),
    reviewsTotal,
    retention: trueRetention(logs, now),
    topics: topicMastery(deps.questions, cards, now),
    exam: examOutlook(deps, cards, settings, now),
  };
}

function examOutlook(deps: ReviewDeps, cards: ReadonlyMap<string, CardState>, settings: ReviewSettings, now: Date): ExamOutlook | null {
  if (!settings.examDate) return null;
  const daysLeft = daysUntil(settings.examDate, now, settings.timeZone);
  if (daysLeft < 0) return null;
  const examAt = localTimeOn(settings.examDate, EXAM_HOUR, settings.timeZone);
  const readiness = examReadiness(topicChanceOn(deps.questions, cards, examAt));
  const plan = studyPlan({ cards: [...cards.values()], unseen: deps.questions.all.length - cards.size, now, examAt, daysLeft, desiredRetention: settings.desiredRetention, newPerDay: settings.newPerDay });
  return { date: settings.examDate, daysLeft, readiness, band: readinessBand(readiness.probability), plan };
}
