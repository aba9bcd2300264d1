// /v2/* — the OCI Distribution API (docker, skopeo, oras). Not matched by proxy.ts, so request
// bodies stream to disk without Next's 10 MB proxy cap.
import { getDeps } from "@/lib/core/deps";
import { handleOciRequest } from "@/lib/oci/handler";

export const dynamic = "force-dynamic";

const serve = (request: Request) => handleOciRequest(getDeps(), request, request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined);
export { serve as GET, serve as HEAD, serve as POST, serve as PUT, serve as PATCH, serve as DELETE };
