"use client";
// One question of a review session, answered by keyboard or pointer: pick, submit with a
// confidence, read the feedback, continue. The answer goes to the server with the showing id;
// "continue" re-renders the page, which presents the next showing (or the summary).
import { CaseText } from "./case-text";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { answerReviewAction } from "@/app/_server/review-actions";
import type { Locale } from "@/lib/i18n/locales";
import type { Feedback, PresentedQuestion } from "@/lib/learn/present";
import type { SessionProgress } from "@/lib/learn/review-flow";
import type { Confidence } from "@/lib/learn/review-types";
import { FeedbackPanel } from "./feedback-panel";
import { fill } from "./fill";
import { InlineText } from "./inline-text";
import type { PlayerLabels } from "./labels";
import { OptionList } from "./option-list";
import { OrderSequence } from "./order-sequence";
import { ProgressMeter } from "./progress-meter";
import { pickOption, selectionStatus } from "./selection";
import { ShortcutLegend } from "./shortcut-legend";
import { useReviewKeys, type ReviewPhase } from "./use-review-keys";

type Props = { locale: Locale; question: PresentedQuestion; progress: SessionProgress; topicLabel: string; labels: PlayerLabels };

// After the first question of a page load, each new question takes focus and scrolls into view.
let shownBefore = false;

export function ReviewPlayer({ locale, question, progress, topicLabel, labels }: Props) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [phase, setPhase] = useState<ReviewPhase>("answering");
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [continuing, startContinue] = useTransition();
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLElement>(null);
  const stemRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const status = selectionStatus(question, picked);
  const ordering = question.type === "ordering";

  useEffect(() => {
    shownAt.current = performance.now();
    if (shownBefore) {
      cardRef.current?.scrollIntoView({ block: "start" });
      stemRef.current?.focus({ preventScroll: true });
    }
    shownBefore = true;
  }, []);

  // Space / Enter continue from the focused button; the verdict, not the button, is scrolled to.
  useEffect(() => {
    if (phase !== "feedback") return;
    continueRef.current?.focus({ preventScroll: true });
    document.getElementById("review-verdict")?.scrollIntoView({ block: "nearest" });
  }, [phase]);

  const hint = status.ready ? null : "missing" in status ? fill(labels.chooseMore, { n: status.missing }) : fill(labels.chooseFewer, { n: question.choose });

  async function submit(confidence: Confidence) {
    if (phase !== "answering") return;
    if (!status.ready) {
      setError(hint);
      return;
    }
    setPhase("saving");
    setError(null);
    try {
      const durationMs = Math.round(performance.now() - shownAt.current);
      const result = await answerReviewAction(locale, { showingId: question.showingId, questionId: question.questionId, chosen: picked, confidence, durationMs });
      if (result.ok) {
        setFeedback(result.feedback);
        setPhase("feedback");
      } else {
        setError(result.error);
        setPhase("answering");
      }
    } catch {
      setError(labels.unexpected);
      setPhase("answering");
    }
  }

  function next() {
    if (!continuing) startContinue(() => router.refresh());
  }

  useReviewKeys({
    phase,
    onDigit: (index) => setPicked((current) => pickOption(question, current, index)),
    onUndo: () => setPicked((current) => (ordering ? current.slice(0, -1) : current)),
    onSubmit: (confidence) => void submit(confidence),
    onNext: next,
  });

  const typeHint = ordering ? labels.putInOrder : question.choose === 1 ? labels.chooseOne : fill(labels.chooseN, { n: question.choose });
  const busy = phase !== "answering";
  return (
    <article ref={cardRef} className="review-card" data-testid="review-question" data-showing={question.showingId} data-type={question.type} data-choose={question.choose} aria-labelledby="review-stem">
      <ProgressMeter progress={{ ...progress, answered: progress.answered + (phase === "feedback" ? 1 : 0) }} labels={labels} />
      <p className="review-meta">
        <span className="topic-chip">{topicLabel}</span>
        <span className="badge">{labels.difficulty[question.difficulty]}</span>
        <span className="badge">{typeHint}</span>
      </p>
      {question.caseText && <CaseText label={labels.case} text={question.caseText} />}
      <h2 className="review-stem" id="review-stem" ref={stemRef} tabIndex={-1}>
        <InlineText text={question.stem} />
      </h2>
      {feedback ? (
        <FeedbackPanel feedback={feedback} labels={labels} continuing={continuing} continueRef={continueRef} onContinue={next} />
      ) : (
        <>
          <OptionList question={question} picked={picked} disabled={busy} label={labels.options} onPick={(i) => setPicked((current) => pickOption(question, current, i))} />
          {ordering && <OrderSequence question={question} picked={picked} disabled={busy} labels={labels} onUndo={() => setPicked((current) => current.slice(0, -1))} />}
          <div className="review-submit">
            <button type="button" className="button button-primary" onClick={() => void submit("sure")} disabled={busy || !status.ready} data-testid="review-submit">
              {phase === "saving" ? labels.submitting : labels.submitSure} <kbd>Enter</kbd>
            </button>
            <button type="button" className="button" onClick={() => void submit("unsure")} disabled={busy || !status.ready}>
              {labels.submitUnsure} <kbd>U</kbd>
            </button>
            <button type="button" className="button" onClick={() => void submit("guessed")} disabled={busy || !status.ready}>
              {labels.submitGuessed} <kbd>G</kbd>
            </button>
            <button type="button" className="button" onClick={() => void submit("easy")} disabled={busy || !status.ready}>
              {labels.submitEasy} <kbd>E</kbd>
            </button>
          </div>
          <div aria-live="polite">
            {error ? (
              <p className="form-error" role="alert" data-testid="review-error">
                {error}
              </p>
            ) : (
              hint && picked.length > 0 && <p className="hint">{hint}</p>
            )}
          </div>
        </>
      )}
      <ShortcutLegend labels={labels} ordering={ordering} />
    </article>
  );
}
