"use client";
// Links to the same page in the other language; proxy.ts remembers the choice in a cookie. A full
// page load (not a client-side transition) so <html lang> and the shared header change too.
import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";

export function LanguageSwitch({ locale, label, text }: { locale: Locale; label: string; text: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === "ja" ? "en" : "ja";
  const rest = pathname.replace(/^\/(ja|en)(?=\/|$)/, "");
  return (
    <a
      href={`/${other}${rest}`}
      hrefLang={other}
      lang={other}
      className="lang-switch"
      aria-label={label}
      onClick={(e) => {
        // Keep the reader's place: carry the query string and the heading they are on.
        e.currentTarget.href = `/${other}${rest}${window.location.search}${window.location.hash}`;
      }}
    >
      {text}
    </a>
  );
}
