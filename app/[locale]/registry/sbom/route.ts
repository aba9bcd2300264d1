// GET /{locale}/registry/sbom?repository=R&digest=D (or &tag=T) — the CycloneDX SBOM of one of the
// signed-in learner's images, as a download (lib/ecr/scanning/sbom-export.ts builds it from the
// image's latest completed scan). Signed out → 401; bad query → 400; unknown repository or image,
// or no completed scan → 404; denied by a policy → 403. Errors are plain text, never a stack.
import { z } from "zod";
import { currentUser } from "@/app/_server/session";
import { getDeps } from "@/lib/core/deps";
import { ecrContext } from "@/lib/ecr/context";
import { isEcrError, type EcrExceptionName } from "@/lib/ecr/errors";
import { exportImageSbom } from "@/lib/ecr/scanning/sbom-export";
import { LocaleSchema } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

const QuerySchema = z
  .object({ repository: z.string({ error: "is required" }).min(1, "is required"), digest: z.string().min(1).optional(), tag: z.string().min(1).optional() })
  .refine((q) => q.digest !== undefined || q.tag !== undefined, { message: "give the image as digest=sha256:… or tag=…", path: ["digest"] });

const STATUS: Partial<Record<EcrExceptionName, number>> = {
  InvalidParameterException: 400,
  AccessDeniedException: 403,
  RepositoryNotFoundException: 404,
  ImageNotFoundException: 404,
  ScanNotFoundException: 404,
};

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const locale = LocaleSchema.catch("ja").parse((await params).locale);
  const t = translator(locale);
  const text = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const user = await currentUser();
  if (!user) return text(401, t("error.unauthenticated"));
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return text(400, z.prettifyError(query.error));
  try {
    const ctx = await ecrContext(getDeps(), { accountId: user.accountId });
    const sbom = await exportImageSbom(ctx, { repositoryName: query.data.repository, imageId: { ...(query.data.digest ? { imageDigest: query.data.digest } : {}), ...(query.data.tag ? { imageTag: query.data.tag } : {}) } });
    return new Response(sbom.body, {
      headers: { "Content-Type": sbom.mediaType, "Content-Disposition": `attachment; filename="${sbom.fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (isEcrError(error)) return text(STATUS[error.type] ?? 400, `${error.type}: ${error.message}`);
    console.error("sbom export: unexpected error", error);
    return text(500, t("error.unexpected"));
  }
}
