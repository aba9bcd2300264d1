"use client";
// Keyboard use of the exam: 1–9 pick options, Backspace undoes the last ordering step, ← and →
// move between questions, F flags. Typing in a field and modified keys are left alone.
import { useEffect, useRef } from "react";

type Handlers = { enabled: boolean; onDigit(index: number): void; onUndo(): void; onMove(step: -1 | 1): void; onFlag(): void };

export function useExamKeys(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current;
      if (!h.enabled || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      if (/^[1-9]$/.test(e.key)) {
        e.preventDefault();
        h.onDigit(Number(e.key) - 1);
      } else if (e.key === "Backspace") {
        e.preventDefault();
        h.onUndo();
      } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
        e.preventDefault();
        h.onMove(e.key === "ArrowLeft" ? -1 : 1);
      } else if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        h.onFlag();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
