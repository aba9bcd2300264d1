// A tiny OCI client over handleOciRequest (no HTTP server): builds Requests like a registry client.
import type { Deps } from "@/lib/core/deps";
import { handleOciRequest } from "@/lib/oci/web-face";

export function ociClient(deps: Deps, password: string | null, base = "http://registry.test") {
  const auth = password ? { Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString("base64")}` } : {};
  async function call(method: string, path: string, init: { body?: Uint8Array | string; headers?: Record<string, string> } = {}) {
    const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : new Uint8Array(init.body);
    const response = await handleOciRequest(deps, new Request(base + path, { method, headers: { ...auth, ...(init.headers ?? {}) }, body, ...(body ? { duplex: "half" } : {}) } as RequestInit));
    return response;
  }
  async function json(response: Response): Promise<{ errors?: { code: string; message: string }[] } & Record<string, unknown>> {
    return (await response.json()) as never;
  }
  /** Pushes a blob monolithically; returns the response. */
  function pushBlob(name: string, digest: string, bytes: Uint8Array) {
    return call("POST", `/v2/${name}/blobs/uploads/?digest=${digest}`, { body: bytes, headers: { "Content-Type": "application/octet-stream" } });
  }
  function putManifest(name: string, reference: string, bytes: Uint8Array, mediaType: string) {
    return call("PUT", `/v2/${name}/manifests/${reference}`, { body: bytes, headers: { "Content-Type": mediaType } });
  }
  return { call, json, pushBlob, putManifest };
}
