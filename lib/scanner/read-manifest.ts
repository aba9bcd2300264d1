// Reads and parses a manifest or index from the blob store with the registry's own parser.
import { MAX_MANIFEST_BYTES, parseManifest, MEDIA_TYPES, type ParsedManifest } from "../registry/manifest-schema";
import { parseDigest } from "../registry/digest";
import { blobKey } from "../registry/layout";
import type { BlobStore } from "../blobstore/blob-store";
import { ScanError } from "./errors";

export type ScanBlobs = Pick<BlobStore, "read" | "stat">;

/** Reads a small blob whole (manifests, configs), refusing anything over `maxBytes`. */
export async function readSmallBlob(blobs: ScanBlobs, digest: string, maxBytes: number): Promise<Buffer | null> {
  const parsed = parseDigest(digest);
  if (!parsed) return null;
  const key = blobKey(parsed);
  const stat = await blobs.stat(key);
  if (!stat || stat.size > maxBytes) return null;
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of await blobs.read(key)) {
    length += (chunk as Buffer).length;
    if (length > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** When a manifest omits mediaType, its shape says which kind it is (OCI allows the omission). */
function impliedMediaType(bytes: Buffer): string | null {
  try {
    const json = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    if (typeof json.mediaType === "string") return null;
    if (Array.isArray(json.manifests)) return MEDIA_TYPES.ociIndex;
    if (Array.isArray(json.layers)) return MEDIA_TYPES.ociManifest;
  } catch {
    // parseManifest reports the JSON problem
  }
  return null;
}

export async function readManifestOrThrow(blobs: ScanBlobs, digest: string): Promise<ParsedManifest> {
  if (!parseDigest(digest)) throw new ScanError("ManifestUnreadable", `"${digest}" is not a sha256/sha512 digest.`, { digest });
  const bytes = await readSmallBlob(blobs, digest, MAX_MANIFEST_BYTES);
  if (!bytes) throw new ScanError("ManifestUnreadable", `The manifest ${digest} is not in the blob store (or is larger than ${MAX_MANIFEST_BYTES} bytes).`, { digest });
  const parsed = parseManifest(bytes, impliedMediaType(bytes));
  if ("problem" in parsed) throw new ScanError("ManifestUnreadable", `The manifest ${digest} cannot be read: ${parsed.problem}`, { digest });
  return parsed;
}
