// Answered in this session against the session's planned length.
import type { SessionProgress } from "@/lib/learn/review-flow";
import { fill } from "./fill";

export function ProgressMeter({ progress, labels }: { progress: SessionProgress; labels: { progress: string; progressLabel: string } }) {
  const total = Math.max(progress.total, progress.answered, 1);
  const percent = Math.round((progress.answered / total) * 100);
  const text = fill(labels.progress, { answered: progress.answered, total });
  return (
    <div className="review-progress" data-testid="review-progress">
      <div className="progress" role="progressbar" aria-label={labels.progressLabel} aria-valuemin={0} aria-valuemax={total} aria-valuenow={progress.answered} aria-valuetext={text}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="review-progress-text">{text}</span>
    </div>
  );
}
