// The short case a scenario question is built on, above its stem (review, exam and exam result).
import { InlineText } from "./inline-text";

export function CaseText({ label, text }: { label: string; text: string }) {
  return (
    <div className="review-case">
      <p className="review-case-label">{label}</p>
      <p>
        <InlineText text={text} />
      </p>
    </div>
  );
}
