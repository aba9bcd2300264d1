"use client";
// Cycles system → light → dark; stored in a cookie so the server renders the right theme.
import { useState } from "react";
import { THEME_COOKIE, type Theme } from "./theme";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const ICON: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

export function ThemeToggle({ initial, labels }: { initial: Theme; labels: Record<Theme, string> & { label: string } }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function cycle() {
    const next = NEXT[theme];
    setTheme(next);
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <button type="button" className="icon-button" onClick={cycle} aria-label={`${labels.label}: ${labels[theme]}`} title={`${labels.label}: ${labels[theme]}`}>
      <span aria-hidden="true">{ICON[theme]}</span>
      <span className="icon-button-text">{labels[theme]}</span>
    </button>
  );
}
