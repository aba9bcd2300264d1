// Request facts for server components and actions: locale, client address, HTTPS.
import { headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LocaleSchema, type Locale } from "@/lib/i18n/locales";
import { notFound } from "next/navigation";
import { forwardedClientIp } from "@/lib/core/client-ip";

export const LOCALE_HEADER = "x-dockyard-locale";

/** The locale proxy.ts derived from the URL (falls back to the default). */
export async function requestLocale(): Promise<Locale> {
  const value = (await headers()).get(LOCALE_HEADER);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Validates a [locale] route param; an unknown one is a 404. */
export function localeParam(value: string): Locale {
  const parsed = LocaleSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function clientAddress(): Promise<string> {
  const h = await headers();
  return forwardedClientIp(h.get("x-forwarded-for")) || h.get("x-real-ip") || "local";
}

export async function isHttps(): Promise<boolean> {
  const h = await headers();
  return h.get("x-forwarded-proto") === "https";
}
