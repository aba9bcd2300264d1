"use client";
// Keyboard-first answering: 1–9 pick options, Backspace undoes the last ordering step, Enter
// submits as sure, U / G / E as unsure / guessed / easy; after feedback Space or Enter continues.
// Focused links and buttons keep their own Enter and Space (so Tab + Enter still works), except
// option buttons, where Enter submits as everywhere else in the question.
import { useEffect, useRef } from "react";
import type { Confidence } from "@/lib/learn/review-types";

export type ReviewPhase = "answering" | "saving" | "feedback";

type Handlers = {
  phase: ReviewPhase;
  onDigit(index: number): void;
  onUndo(): void;
  onSubmit(confidence: Confidence): void;
  onNext(): void;
};

const LETTERS: Record<string, Confidence> = { g: "guessed", u: "unsure", e: "easy" };

export function useReviewKeys(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const control = target?.closest("a, button, summary");
      const onOption = control?.hasAttribute("data-review-option") ?? false;
      const h = latest.current;
      if (h.phase === "feedback") {
        if ((e.key === "Enter" || e.key === " ") && !control) {
          e.preventDefault();
          h.onNext();
        }
        return;
      }
      if (h.phase !== "answering") return;
      if (/^[1-9]$/.test(e.key)) {
        e.preventDefault();
        h.onDigit(Number(e.key) - 1);
      } else if (e.key === "Backspace") {
        e.preventDefault();
        h.onUndo();
      } else if (e.key === "Enter") {
        if (control && !onOption) return;
        e.preventDefault();
        h.onSubmit("sure");
      } else {
        const confidence = LETTERS[e.key.toLowerCase()];
        if (confidence) {
          e.preventDefault();
          h.onSubmit(confidence);
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
