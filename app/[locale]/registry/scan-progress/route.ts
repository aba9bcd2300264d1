// GET /{locale}/registry/scan-progress?repository=R — the signed-in learner's scans of one of
// their repositories (status, and bytes read of those running in this process), as JSON for the
// console's progress bars. Another account's repository reads as empty.
import { z } from "zod";
import { currentUser } from "@/app/_server/session";
import { getDeps } from "@/lib/core/deps";
import { repositoryScanProgress, ScanProgressQuerySchema } from "@/lib/ecr/scanning/scan-progress";
import { LocaleSchema } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const locale = LocaleSchema.catch("ja").parse((await params).locale);
  const user = await currentUser();
  if (!user) return json(401, { error: translator(locale)("error.unauthenticated") });
  const query = ScanProgressQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return json(400, { error: z.prettifyError(query.error) });
  const scans = await repositoryScanProgress(getDeps(), user.accountId, query.data.repository);
  return json(200, { scans });
}
