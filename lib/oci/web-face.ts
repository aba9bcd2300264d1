// The registry over web Request/Response: Next.js route handlers and tests that call the registry
// without a server. Blob downloads become a web stream without copying their chunks
// (Readable.toWeb copies every one).
import type { Readable } from "node:stream";
import type { Deps } from "../core/deps";
import { serveOci } from "./handler";
import { bodyChunks } from "./http-body";
import { isOpenedBlob, type OciResponseBody } from "./exchange";

export async function handleOciRequest(deps: Deps, request: Request, sourceIp?: string): Promise<Response> {
  const result = await serveOci(deps, {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: request.body ? bodyChunks(request) : null,
    ...(sourceIp ? { sourceIp } : {}),
  });
  return new Response(webBody(result.body), { status: result.status, headers: result.headers });
}

function webBody(body: OciResponseBody): BodyInit | null {
  return isOpenedBlob(body) ? webStreamOf(body.stream()) : (body as BodyInit | null);
}

/** One chunk read ahead; cancelling (a client that went away) destroys the file stream. */
function webStreamOf(readable: Readable): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
