"use client";
// A running mock exam: one question at a time with a navigator, flags and a countdown. Every pick
// is saved at once (the server keeps the answers, so a reload or another device resumes exactly
// here), and the question on screen is kept in the URL (?q=). At 00:00 the exam submits itself.
import { CaseText } from "@/components/review/case-text";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { flagExamItemAction, saveExamAnswerAction, submitExamAction, type ExamActionResult } from "@/app/_server/exam-actions";
import { fill } from "@/components/review/fill";
import { InlineText } from "@/components/review/inline-text";
import { OptionList } from "@/components/review/option-list";
import { OrderSequence } from "@/components/review/order-sequence";
import { pickOption } from "@/components/review/selection";
import type { Locale } from "@/lib/i18n/locales";
import type { PlayerItem } from "@/lib/learn/exam/views";
import { ExamNavigator } from "./exam-navigator";
import { ExamTimer } from "./exam-timer";
import type { ExamPlayerLabels } from "./labels";
import { SubmitPanel } from "./submit-panel";
import { useCountdown } from "./use-countdown";
import { useExamKeys } from "./use-exam-keys";

type Props = {
  locale: Locale;
  examId: string;
  items: PlayerItem[];
  deadline: string;
  serverNow: string;
  initialIndex: number;
  topicLabels: Record<string, string>;
  resultHref: string;
  labels: ExamPlayerLabels;
};

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

export function ExamPlayer({ locale, examId, items, deadline, serverNow, initialIndex, topicLabels, resultHref, labels }: Props) {
  const router = useRouter();
  const [index, setIndex] = useState(initialIndex);
  const [answers, setAnswers] = useState(() => new Map(items.map((i) => [i.position, i.chosen])));
  const [flags, setFlags] = useState(() => new Map(items.map((i) => [i.position, i.flagged])));
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [hint, setHint] = useState<string | null>(null);
  const [phase, setPhase] = useState<"answering" | "confirm" | "submitting" | "timeup">("answering");
  const remaining = useCountdown(deadline, serverNow);
  const markRef = useRef(0);
  const stemRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const item = items[index]!;
  const question = item.question;
  const picked = answers.get(item.position) ?? [];
  const flagged = flags.get(item.position) ?? false;
  const ordering = question.type === "ordering";
  const open = phase === "answering" || phase === "confirm";

  // The question on screen lives in the URL, so a reload comes back to it.
  useEffect(() => {
    markRef.current = performance.now();
    setHint(null);
    const url = new URL(window.location.href);
    url.searchParams.set("q", String(item.position));
    window.history.replaceState(window.history.state, "", url);
    if (!firstRender.current) stemRef.current?.focus({ preventScroll: true });
    firstRender.current = false;
  }, [item.position]);

  function finish(result: ExamActionResult) {
    if (result.ok || result.ended) router.push(resultHref);
    else {
      setSave({ kind: "error", message: result.error });
      setPhase("answering");
    }
  }

  async function submit(reason: "submitting" | "timeup") {
    setPhase(reason);
    try {
      finish(await submitExamAction(locale, examId));
    } catch {
      setSave({ kind: "error", message: labels.unexpected });
      setPhase("answering");
    }
  }

  useEffect(() => {
    if (remaining === 0 && phase !== "timeup" && phase !== "submitting") void submit("timeup");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fires once when the countdown ends
  }, [remaining]);

  async function send(action: () => Promise<ExamActionResult>) {
    setSave({ kind: "saving" });
    try {
      const result = await action();
      if (result.ok) setSave({ kind: "saved" });
      else if (result.ended) {
        setPhase("timeup");
        router.push(resultHref);
      } else setSave({ kind: "error", message: result.error });
    } catch {
      setSave({ kind: "error", message: labels.saveFailed });
    }
  }

  function choose(optionIndex: number) {
    if (!open) return;
    const next = pickOption(question, picked, optionIndex);
    if (!ordering && next.length > question.choose) {
      setHint(fill(labels.chooseFewer, { n: question.choose }));
      return;
    }
    setAnswer(next);
  }

  function setAnswer(chosen: string[]) {
    setHint(null);
    setAnswers((current) => new Map(current).set(item.position, chosen));
    const now = performance.now();
    const timeSpentMs = Math.max(0, Math.round(now - markRef.current));
    markRef.current = now;
    void send(() => saveExamAnswerAction(locale, { examId, position: item.position, questionId: question.questionId, chosen, timeSpentMs }));
  }

  function toggleFlag() {
    if (!open) return;
    const value = !flagged;
    setFlags((current) => new Map(current).set(item.position, value));
    void send(() => flagExamItemAction(locale, { examId, position: item.position, questionId: question.questionId, flagged: value }));
  }

  function go(target: number) {
    setPhase((p) => (p === "confirm" ? "answering" : p));
    setIndex(Math.min(items.length - 1, Math.max(0, target)));
  }

  useExamKeys({
    enabled: phase === "answering",
    onDigit: choose,
    onUndo: () => ordering && picked.length > 0 && setAnswer(picked.slice(0, -1)),
    onMove: (step) => go(index + step),
    onFlag: toggleFlag,
  });

  const entries = items.map((i) => ({ position: i.position, answered: (answers.get(i.position) ?? []).length > 0, flagged: flags.get(i.position) ?? false }));
  const missing = !ordering && picked.length > 0 && picked.length < question.choose ? fill(labels.partialHint, { n: question.choose - picked.length }) : null;
  const typeHint = ordering ? labels.putInOrder : question.choose === 1 ? labels.chooseOne : fill(labels.chooseN, { n: question.choose });

  return (
    <div className="exam-layout" data-testid="exam-player" data-exam={examId}>
      <div className="exam-topbar">
        <ExamTimer remaining={remaining} labels={labels} />
        <p className="exam-save-status" aria-live="polite" data-testid="exam-save-status" data-state={save.kind}>
          {phase === "timeup" ? labels.timeUp : save.kind === "saving" ? labels.saving : save.kind === "saved" ? labels.saved : ""}
        </p>
        <button type="button" className="button button-primary" onClick={() => setPhase("confirm")} disabled={!open} data-testid="exam-review-submit">
          {labels.reviewSubmit}
        </button>
      </div>
      {save.kind === "error" && (
        <p className="form-error" role="alert" data-testid="exam-error">
          {save.message}
        </p>
      )}
      {phase === "confirm" || phase === "submitting" ? (
        <SubmitPanel
          unanswered={entries.filter((e) => !e.answered).map((e) => e.position)}
          flagged={entries.filter((e) => e.flagged).map((e) => e.position)}
          submitting={phase === "submitting"}
          labels={labels}
          onGo={(position) => go(items.findIndex((i) => i.position === position))}
          onSubmit={() => void submit("submitting")}
          onBack={() => setPhase("answering")}
        />
      ) : null}
      <article className="review-card exam-card" aria-labelledby="exam-stem" data-testid="exam-question" data-position={item.position} data-question={question.questionId} data-type={question.type} data-choose={question.choose}>
        <div className="exam-card-head">
          <p className="exam-position">{fill(labels.questionOf, { n: item.position, total: items.length })}</p>
          <button type="button" className={`button button-small exam-flag${flagged ? " is-flagged" : ""}`} aria-pressed={flagged} onClick={toggleFlag} disabled={!open} data-testid="exam-flag">
            <span aria-hidden="true">⚑</span> {flagged ? labels.unflag : labels.flag} <kbd>F</kbd>
          </button>
        </div>
        <p className="review-meta">
          <span className="topic-chip">{topicLabels[question.topic]}</span>
          <span className="badge">{typeHint}</span>
        </p>
        {question.caseText && <CaseText label={labels.case} text={question.caseText} />}
        <h2 className="review-stem" id="exam-stem" ref={stemRef} tabIndex={-1}>
          <InlineText text={question.stem} />
        </h2>
        <OptionList question={question} picked={picked} disabled={!open} label={labels.options} onPick={choose} />
        {ordering && <OrderSequence question={question} picked={picked} disabled={!open} labels={labels} onUndo={() => setAnswer(picked.slice(0, -1))} />}
        <p className="hint" aria-live="polite" data-testid="exam-hint">
          {hint ?? missing ?? ""}
        </p>
        <div className="exam-move">
          <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0} data-testid="exam-prev">
            ← {labels.prev}
          </button>
          <button type="button" className="button" onClick={() => go(index + 1)} disabled={index === items.length - 1} data-testid="exam-next">
            {labels.next} →
          </button>
        </div>
      </article>
      <ExamNavigator entries={entries} current={index} labels={labels} onGo={go} />
      <p className="hint exam-shortcuts">{labels.shortcuts}</p>
    </div>
  );
}
