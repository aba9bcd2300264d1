"use client";
// Keyboard shortcuts on a lesson page: "[" previous lesson, "]" next lesson (ignored while typing).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LessonNavKeys({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  const router = useRouter();
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || target?.closest("input, textarea, select, [contenteditable]")) return;
      if (e.key === "[" && previousHref) router.push(previousHref);
      if (e.key === "]" && nextHref) router.push(nextHref);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, previousHref, nextHref]);
  return null;
}
