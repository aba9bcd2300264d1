// GET /{locale}/review/export?format=csv|json — the signed-in learner's review log as a download.
// Streamed page by page from lib/learn/export.ts.
import { z } from "zod";
import { currentUser } from "@/app/_server/session";
import { reviewDeps } from "@/lib/learn/review-deps";
import { csvChunks, EXPORT_FORMATS, exportFileName, jsonChunks } from "@/lib/learn/export";
import { LocaleSchema } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

const FormatSchema = z.enum(EXPORT_FORMATS);

function stream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const locale = LocaleSchema.catch("ja").parse((await params).locale);
  const t = translator(locale);
  const text = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const user = await currentUser();
  if (!user) return text(401, t("error.unauthenticated"));
  const format = FormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "csv");
  if (!format.success) return text(400, t("review.exportBadFormat"));
  const deps = reviewDeps();
  const now = deps.clock.now();
  const body = format.data === "csv" ? csvChunks(deps, user.id) : jsonChunks(deps, user.id, now);
  return new Response(stream(body), {
    headers: {
      "Content-Type": format.data === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(format.data, now)}"`,
      "Cache-Control": "no-store",
    },
  });
}
