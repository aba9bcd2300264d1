// GET / — sends the visitor to their language's home page (cookie, Accept-Language, else ja).
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/locales";

export function GET(request: NextRequest) {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
  // Relative Location: stay on the host and port the visitor used (see proxy.ts).
  return new NextResponse(null, { status: 307, headers: { Location: `/${locale}`, Vary: "Cookie, Accept-Language" } });
}
