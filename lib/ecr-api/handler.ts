// The ECR JSON 1.1 face (ecr-spec §4.1): POST / with X-Amz-Target, SigV4 against the learner's
// access keys, bodies and errors in AWS's JSON shapes. A standard Request in and a Response out,
// so tests call it without Next.js and the real aws CLI reaches it through app/route.ts.
import { randomUUID } from "node:crypto";
import type { Deps } from "../core/deps";
import { markAccessKeyUsed, resolveAccessKey, type ResolvedAccessKey } from "../auth/access-keys";
import { verifySigV4 } from "../auth/sigv4";
import { ecrContext } from "../ecr/context";
import { isEcrError } from "../ecr/errors";
import { findOperation } from "../ecr/operations";
import { toWireJson } from "./wire-json";
import { bodyChunks } from "../oci/http-body";

/** UploadLayerPart carries up to 20 MiB base64-encoded (~27 MiB) plus the JSON around it. */
export const MAX_REQUEST_BYTES = 28 * 1024 * 1024;

function reply(status: number, body: unknown, requestId: string): Response {
  return new Response(toWireJson(body), { status, headers: { "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": requestId } });
}

function error(status: number, type: string, message: string, requestId: string, extra: Record<string, unknown> = {}): Response {
  return reply(status, { __type: type, message, ...extra }, requestId);
}

async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_REQUEST_BYTES) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bodyChunks(request)) {
    total += chunk.byteLength;
    if (total > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export type EcrApiOptions = { sourceIp?: string; origin?: string };

export async function handleEcrApiRequest(deps: Deps, request: Request, options: EcrApiOptions = {}): Promise<Response> {
  const requestId = randomUUID();
  try {
    if (request.method !== "POST") return error(400, "UnknownOperationException", "The ECR API accepts POST requests only.", requestId);
    const body = await readBody(request);
    if (body === null) return error(413, "ValidationException", `The request body is larger than ${MAX_REQUEST_BYTES} bytes.`, requestId);

    const url = new URL(request.url);
    let key: ResolvedAccessKey | null = null;
    const auth = await verifySigV4({ method: request.method, url, headers: request.headers, body }, "ecr", deps.clock.now(), async (id) => {
      key = await resolveAccessKey(deps, id);
      return key;
    });
    if (!auth.ok || !key) return error(auth.ok ? 400 : auth.failure.status, auth.ok ? "UnrecognizedClientException" : auth.failure.type, auth.ok ? "The security token included in the request is invalid." : auth.failure.message, requestId);
    const signer: ResolvedAccessKey = key;

    const target = request.headers.get("x-amz-target") ?? "";
    const operation = findOperation(target);
    if (!operation) return error(400, "UnknownOperationException", `Unknown operation: '${target.slice(0, 200)}'.`, requestId);

    let input: unknown;
    try {
      input = body.trim() === "" ? {} : JSON.parse(body);
    } catch {
      return error(400, "SerializationException", "The request body is not valid JSON.", requestId);
    }
    if (typeof input !== "object" || input === null || Array.isArray(input)) return error(400, "SerializationException", "The request body must be a JSON object.", requestId);

    await markAccessKeyUsed(deps, signer);
    const ctx = await ecrContext(deps, { accountId: signer.accountId, iamUserId: signer.iamUserId, ...options });
    return reply(200, await operation(ctx, input), requestId);
  } catch (thrown) {
    if (isEcrError(thrown)) return error(thrown.type === "ServerException" ? 500 : 400, thrown.type, thrown.message, requestId, thrown.extra);
    console.error("ecr-api: unexpected error", thrown);
    return error(500, "ServerException", "The sandbox hit an internal error. Nothing was changed; please retry.", requestId);
  }
}
