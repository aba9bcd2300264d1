// /v2/* — the OCI Distribution API (docker, skopeo, oras). Not matched by proxy.ts, so request
// bodies are never capped at Next's 10 MB proxy limit.
// The app's server (scripts/serve.mjs) sends /v2 straight to the node:http face registered below,
// once this module is loaded; these web handlers serve what reaches Next (the warm-up request,
// and `next start` or `next dev` without that server).
import { getDeps } from "@/lib/core/deps";
import { handleOciRequest } from "@/lib/oci/web-face";
import { handleOciNodeRequest } from "@/lib/oci/node-face";
import { registerNodeRoute } from "@/lib/server/node-routes";
import { forwardedClientIp } from "@/lib/core/client-ip";

export const dynamic = "force-dynamic";

registerNodeRoute("/v2", (req, res) => handleOciNodeRequest(getDeps(), req, res));

const serve = (request: Request) => handleOciRequest(getDeps(), request, forwardedClientIp(request.headers.get("x-forwarded-for")));
export { serve as GET, serve as HEAD, serve as POST, serve as PUT, serve as PATCH, serve as DELETE };
