"use client";
// Records "opened" once the lesson is actually on screen (not when a link is prefetched).
import { useEffect } from "react";
import { lessonOpenedAction } from "@/app/_server/progress-actions";
import type { Locale } from "@/lib/i18n/locales";

export function LessonViewTracker({ locale, slug }: { locale: Locale; slug: string }) {
  useEffect(() => {
    void lessonOpenedAction({ locale, slug });
  }, [locale, slug]);
  return null;
}
