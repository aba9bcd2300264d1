// Verifies AWS Signature Version 4 on ECR API requests. We do not re-implement the algorithm:
// the request is re-signed with @smithy/signature-v4 (what the AWS SDKs use) from the signer's
// stored secret, over exactly the headers the client signed, and the signatures are compared.
import { timingSafeEqual } from "node:crypto";
import { Hash } from "@smithy/core/serde";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

/** Native (node:crypto) SHA-256 and HMAC, as the AWS SDK uses on Node.js. */
const Sha256Node = Hash.bind(null, "sha256");

/** Requests whose X-Amz-Date is further than this from the server's time are refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type SigV4Failure = {
  type: "MissingAuthenticationTokenException" | "IncompleteSignatureException" | "InvalidSignatureException" | "UnrecognizedClientException";
  status: 400 | 403;
  message: string;
};

export type SigV4Request = { method: string; url: URL; headers: Headers; body: string };
export type SigV4Key = { accessKeyId: string; secretAccessKey: string };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

function fail(type: SigV4Failure["type"], status: SigV4Failure["status"], message: string): { ok: false; failure: SigV4Failure } {
  return { ok: false, failure: { type, status, message } };
}

function parseAmzDate(value: string | null): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

const amz = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * Checks the signature of `request`. `lookup` returns the secret of an active access key. On
 * success returns the access key id; otherwise the AWS error a real endpoint would send.
 */
export async function verifySigV4(
  request: SigV4Request,
  service: string,
  now: Date,
  lookup: (accessKeyId: string) => Promise<SigV4Key | null>,
): Promise<{ ok: true; accessKeyId: string; region: string } | { ok: false; failure: SigV4Failure }> {
  const header = request.headers.get("authorization");
  if (!header) return fail("MissingAuthenticationTokenException", 400, "Missing Authentication Token");
  const m = AUTH.exec(header.trim());
  if (!m) return fail("IncompleteSignatureException", 400, `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with the AWS4-HMAC-SHA256 algorithm.`);
  const [, accessKeyId, scopeDate, region, scopeService, signedHeaderList, signature] = m as unknown as [string, string, string, string, string, string, string];
  if (scopeService !== service) return fail("InvalidSignatureException", 403, `Credential should be scoped to correct service: '${service}'.`);
  const signedHeaders = signedHeaderList.split(";");
  if (!signedHeaders.includes("host")) return fail("IncompleteSignatureException", 400, "The host header must be signed.");
  const date = parseAmzDate(request.headers.get("x-amz-date"));
  if (!date || !signedHeaders.includes("x-amz-date")) return fail("IncompleteSignatureException", 400, "Authorization requires a signed X-Amz-Date header in the form yyyyMMddTHHmmssZ.");
  if (amz(date).slice(0, 8) !== scopeDate) return fail("InvalidSignatureException", 403, `Credential should be scoped to a valid date: '${amz(date).slice(0, 8)}'.`);
  if (date.getTime() < now.getTime() - MAX_CLOCK_SKEW_MS) {
    return fail("InvalidSignatureException", 403, `Signature expired: ${amz(date)} is now earlier than ${amz(new Date(now.getTime() - MAX_CLOCK_SKEW_MS))} (${amz(now)} - 5 min.)`);
  }
  if (date.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return fail("InvalidSignatureException", 403, `Signature not yet current: ${amz(date)} is still later than ${amz(new Date(now.getTime() + MAX_CLOCK_SKEW_MS))} (${amz(now)} + 5 min.)`);
  }
  const key = await lookup(accessKeyId);
  if (!key) return fail("UnrecognizedClientException", 400, "The security token included in the request is invalid.");

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers.get(name);
    if (value === null) return fail("IncompleteSignatureException", 400, `The signed header '${name}' is missing from the request.`);
    headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of request.url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const toSign = new HttpRequest({
    method: request.method,
    protocol: request.url.protocol,
    hostname: request.url.hostname,
    ...(request.url.port ? { port: Number(request.url.port) } : {}),
    path: request.url.pathname,
    query,
    headers,
    body: request.body,
  });
  const signer = new SignatureV4({ service, region, credentials: { accessKeyId, secretAccessKey: key.secretAccessKey }, sha256: Sha256Node, applyChecksum: false });
  const signed = await signer.sign(toSign, { signingDate: date, signingRegion: region, signingService: service });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization ?? ""))?.[1] ?? "";
  const matches = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!matches) {
    return fail("InvalidSignatureException", 403, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
  }
  return { ok: true, accessKeyId, region };
}
