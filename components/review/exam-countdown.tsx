// "14 days until your exam", from the learner's settings and the server clock.
import type { Translate } from "@/lib/i18n/messages";
import { daysUntil } from "@/lib/learn/learning-day";
import type { ReviewSettings } from "@/lib/learn/settings";

export function ExamCountdown({ settings, now, t }: { settings: ReviewSettings; now: Date; t: Translate }) {
  if (!settings.examDate) return null;
  const days = daysUntil(settings.examDate, now, settings.timeZone);
  const text = days > 0 ? t("review.examIn", { n: days }) : days === 0 ? t("review.examToday") : t("review.examPast");
  return (
    <span className="badge review-exam" data-testid="exam-countdown">
      {text}
    </span>
  );
}
