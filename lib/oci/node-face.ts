// The registry over node:http, for the server's own /v2 path (scripts/serve.mjs). Next.js route
// handlers receive uploads as a web stream that copies every chunk; here the IncomingMessage is
// the body, and a blob is copied to the socket through reused buffers (lib/blobstore/file-pump.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../core/deps";
import { serveOci } from "./handler";
import { toOciErrorResponse } from "./wire-errors";
import { forwardedClientIp } from "../core/client-ip";
import { isOpenedBlob, type OciResponse } from "./exchange";

/** Only the path and query of the URL are used; the base is never shown. */
const URL_BASE = "http://registry.invalid";

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // A header value Headers cannot hold (Node accepts more bytes than the Fetch spec): ignored.
    }
  }
  return headers;
}

/** A body is present when the client announced one (a length above zero, or chunked encoding). */
function hasBody(req: IncomingMessage): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const length = req.headers["content-length"];
  return length !== undefined ? Number(length) > 0 : req.headers["transfer-encoding"] !== undefined;
}

/** As the proxy in front reports it, else the socket's peer (an IPv4 peer without its ::ffff: prefix). */
function clientAddress(req: IncomingMessage, headers: Headers): string | undefined {
  return forwardedClientIp(headers.get("x-forwarded-for")) ?? (req.socket.remoteAddress?.replace(/^::ffff:/, "") || undefined);
}

export async function handleOciNodeRequest(deps: Deps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let result: OciResponse;
  try {
    const headers = requestHeaders(req);
    const sourceIp = clientAddress(req, headers);
    result = await serveOci(deps, {
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", URL_BASE),
      headers,
      body: hasBody(req) ? req : null,
      ...(sourceIp ? { sourceIp } : {}),
    });
  } catch (error) {
    // serveOci answers every registry error itself; this is an unparseable URL or a bug.
    result = toOciErrorResponse(error);
  }
  await writeResponse(req, res, result);
}

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: OciResponse): Promise<void> {
  const { status, body } = response;
  let { headers } = response;
  if (res.destroyed) {
    if (isOpenedBlob(body)) await body.close();
    return;
  }
  if (body !== null && !isOpenedBlob(body) && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) {
    headers = { ...headers, "Content-Length": String(Buffer.byteLength(body)) };
  }
  res.writeHead(status, headers);
  if (isOpenedBlob(body)) {
    if (req.method === "HEAD") {
      await body.close();
      res.end();
      return;
    }
    // A client that goes away mid-download: the copy stops, the file is closed, nothing to answer.
    await body.copyTo(res).catch(() => undefined);
    return;
  }
  res.end(body ?? undefined);
}
