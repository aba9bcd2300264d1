// What the registry core sees of an HTTP exchange, independent of the server that carries it:
// Next.js route handlers hand it a web Request, the registry's own node:http path (node-face.ts)
// an IncomingMessage. Bodies are byte iterables in, and an opened blob out for downloads, so each
// face moves a blob's bytes between the socket and the disk its own cheapest way.
import type { OpenedBlob } from "../blobstore/blob-store";

export type OciRequest = {
  method: string;
  url: URL;
  headers: Headers;
  /** The request body as it arrives; null for GET and HEAD. Read at most once. */
  body: AsyncIterable<Uint8Array> | null;
  /** The client's address, for aws:SourceIp conditions in repository policies. */
  sourceIp?: string;
};

export type OciResponseBody = null | string | Uint8Array | OpenedBlob;

export function isOpenedBlob(body: OciResponseBody): body is OpenedBlob {
  return body !== null && typeof body === "object" && "copyTo" in body;
}

export type OciResponse = {
  status: number;
  headers: Record<string, string>;
  body: OciResponseBody;
};
