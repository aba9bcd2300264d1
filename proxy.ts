// Locale routing for pages: /ja/... and /en/... carry the language; any other page path is
// redirected to the learner's language (cookie, then Accept-Language, then Japanese). Visiting a
// language remembers it in a cookie, so the switch persists.
// Not matched: /v2 (registry uploads: proxy.ts would cap bodies at 10 MB), "/" (the ECR API and
// the root redirect live in app/route.ts), Next's assets and files with an extension.
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/locales";

const LOCALE_HEADER = "x-dockyard-locale";
const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Redirects on the host and port the browser used. (request.url inside Next.js says "localhost",
 * which would move 127.0.0.1 or LAN visitors to another origin and lose their cookies; a relative
 * Location is rejected by Next's proxy runtime.)
 */
function sameHostRedirect(request: NextRequest, location: string): NextResponse {
  const host = request.headers.get("host") ?? request.nextUrl.host;
  const proto = request.headers.get("x-forwarded-proto") === "https" ? "https" : request.nextUrl.protocol.replace(":", "");
  return NextResponse.redirect(new URL(location, `${proto}://${host}`), 307);
}

/**
 * Requests the client router makes on its own (RSC payloads, link prefetches). They must not move
 * the language cookie: a prefetch of an English page still in flight when the learner switched
 * to Japanese would otherwise switch the cookie back to English.
 */
function isRouterFetch(request: NextRequest): boolean {
  return request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.nextUrl.searchParams.has("_rsc");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];
  if (!isLocale(first)) {
    const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
    const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
    return sameHostRedirect(request, `/${locale}${pathname}${search}`);
  }
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, first);
  const response = NextResponse.next({ request: { headers } });
  if (request.cookies.get(LOCALE_COOKIE)?.value !== first && !isRouterFetch(request)) {
    response.cookies.set(LOCALE_COOKIE, first, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
  }
  return response;
}

export const config = {
  matcher: ["/((?!v2(?:/|$)|_next/|api/|favicon\\.ico$|.*\\.[a-zA-Z0-9]+$).+)"],
};
