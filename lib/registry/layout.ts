// Where registry bytes live in the blob store. Every key is built here, never by hand.
//
//   blobs/<algorithm>/<first two hex>/<hex>   content-addressed bytes (layers, configs, manifests)
//   uploads/<upload id>                       an upload in progress (appended to, then moved)
//
// A blob's key is derived from its digest, so identical content is stored once for the server;
// which repository may serve it is recorded in the database (RepositoryBlob).
import type { ParsedDigest } from "./digest";

export function blobKey(d: ParsedDigest): string {
  return `blobs/${d.algorithm}/${d.hex.slice(0, 2)}/${d.hex}`;
}

export function uploadKey(uploadId: string): string {
  return `uploads/${uploadId}`;
}
