// Calls handleEcrApiRequest the way an AWS SDK does: JSON 1.1 body, X-Amz-Target, SigV4-signed
// with @smithy/signature-v4 (the signer inside the AWS SDK for JavaScript).
import { Hash } from "@smithy/core/serde";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Deps } from "@/lib/core/deps";
import { handleEcrApiRequest } from "@/lib/ecr-api/handler";

export type Keys = { accessKeyId: string; secretAccessKey: string };
export type EcrReply = { status: number; body: Record<string, unknown> & { __type?: string; message?: string } };

export function ecrClient(deps: Deps, keys: Keys, options: { region?: string; signingDate?: () => Date } = {}) {
  const region = options.region ?? "us-east-1";
  async function raw(target: string, body: string, tweak: (headers: Record<string, string>) => void = () => {}): Promise<EcrReply> {
    const request = new HttpRequest({
      method: "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 3000,
      path: "/",
      headers: { host: "127.0.0.1:3000", "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
      body,
    });
    const signer = new SignatureV4({ service: "ecr", region, credentials: keys, sha256: Hash.bind(null, "sha256"), applyChecksum: false });
    const signed = await signer.sign(request, { signingDate: options.signingDate?.() ?? deps.clock.now() });
    const headers = signed.headers as Record<string, string>;
    tweak(headers);
    const response = await handleEcrApiRequest(deps, new Request("http://127.0.0.1:3000/", { method: "POST", headers, body }), { origin: "http://127.0.0.1:3000" });
    return { status: response.status, body: (await response.json()) as EcrReply["body"] };
  }
  return {
    raw,
    call: (operation: string, input: object = {}) => raw(`AmazonEC2ContainerRegistry_V20150921.${operation}`, JSON.stringify(input)),
    sandbox: (operation: string, input: object = {}) => raw(`DockyardSandbox.${operation}`, JSON.stringify(input)),
  };
}

/** Asserts an error reply and returns its message. */
export function errorOf(reply: EcrReply, type: string): string {
  if (reply.body.__type !== type) throw new Error(`expected ${type}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return String(reply.body.message ?? "");
}
