// The countdown in the exam's header. Screen readers hear it only when asked (role="timer" is
// not live) plus one announcement at five minutes, not a reading every second.
import { formatClock } from "./use-countdown";

type Props = { remaining: number; labels: { timeLeft: string; fiveMinutes: string } };

export function ExamTimer({ remaining, labels }: Props) {
  const low = remaining <= 5 * 60_000;
  return (
    <div className={`exam-timer${low ? " is-low" : ""}`} data-testid="exam-timer">
      <span className="exam-timer-label">{labels.timeLeft}</span>
      <span role="timer" className="exam-timer-value" aria-label={labels.timeLeft}>
        {formatClock(remaining)}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {low && remaining > 0 ? labels.fiveMinutes : ""}
      </span>
    </div>
  );
}
