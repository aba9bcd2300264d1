// GET / — sends the visitor to their language's home page (cookie, Accept-Language, else ja).
import { NextResponse, type NextRequest } from "next/server";
import { getDeps } from "@/lib/core/deps";
import { handleEcrApiRequest } from "@/lib/ecr-api/handler";
import { forwardedClientIp } from "@/lib/core/client-ip";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/locales";

export function GET(request: NextRequest) {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
  // Relative Location: stay on the host and port the visitor used (see proxy.ts).
  return new NextResponse(null, { status: 307, headers: { Location: `/${locale}`, Vary: "Cookie, Accept-Language" } });
}

/**
 * POST / — the ECR JSON 1.1 API (X-Amz-Target), so `aws ecr ... --endpoint-url http://host:port`
 * works. proxy.ts does not match "/", so bodies are never cut short by the proxy's buffer.
 */
export async function POST(request: NextRequest) {
  const host = request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  const sourceIp = forwardedClientIp(request.headers.get("x-forwarded-for"));
  return handleEcrApiRequest(getDeps(), request, { ...(host ? { origin: `${proto}://${host}` } : {}), ...(sourceIp ? { sourceIp } : {}) });
}
