"use client";
// Links to the same page in the other language; proxy.ts remembers the choice in a cookie.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";

export function LanguageSwitch({ locale, label, text }: { locale: Locale; label: string; text: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === "ja" ? "en" : "ja";
  const rest = pathname.replace(/^\/(ja|en)(?=\/|$)/, "");
  const hash = typeof window === "undefined" ? "" : window.location.hash;
  return (
    <Link href={`/${other}${rest}${hash}`} hrefLang={other} lang={other} className="lang-switch" aria-label={label} prefetch={false}>
      {text}
    </Link>
  );
}
