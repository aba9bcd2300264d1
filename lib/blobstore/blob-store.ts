// The storage driver under the registry: a small key → bytes interface with streams, in the
// spirit of distribution's StorageDriver. It knows nothing about registries; lib/registry puts
// content-addressed blobs and upload files on top of it. Every backend passes the contract suite
// in blob-store.contract.ts (filesystem now, S3-compatible later).
import type { Readable } from "node:stream";

export type BlobStat = { size: number; modifiedAt: Date };
/** Inclusive byte range, as in HTTP Range. */
export type ByteRange = { start: number; end: number };

export interface BlobStore {
  /** Backend name, stamped onto errors ("filesystem", "memory"). */
  readonly name: string;
  /** Size and modification time of a key, or null when it does not exist. */
  stat(key: string): Promise<BlobStat | null>;
  /**
   * Streams the value (or the inclusive `range` of it). A missing key throws BlobPathNotFound; a
   * range starting past the end throws BlobOffsetInvalid; an end past the size is clamped.
   */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Reads a whole value into memory (only for small values such as manifests). */
  get(key: string): Promise<Buffer>;
  /**
   * Appends a stream to a key, creating it when absent (a zero-length stream creates an empty
   * value). `onChunk` sees every chunk in order, e.g. to hash while writing. Returns the number of
   * bytes appended. If the stream fails, what was written before the failure stays.
   */
  append(key: string, data: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => void): Promise<number>;
  /** Writes a whole value atomically: readers see the old value or the new one, never a part. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** Renames atomically, replacing an existing target. A missing source throws BlobPathNotFound. */
  move(from: string, to: string): Promise<void>;
  /** Deletes a key, or every key under `key/`. Deleting something absent is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix (recursive), sorted. An absent prefix gives an empty list. */
  list(prefix: string): Promise<string[]>;
}

export class BlobStoreError extends Error {
  constructor(
    readonly code: "BlobPathNotFound" | "BlobPathInvalid" | "BlobOffsetInvalid",
    readonly key: string,
    readonly backend: string,
    message: string,
  ) {
    super(`${backend}: ${message} (${key})`);
    this.name = code;
  }
}

/** Keys are relative slash-separated paths of safe characters; no "..", no empty segments. */
export const KEY_PATTERN = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

export function assertValidKey(key: string, backend: string): void {
  if (!KEY_PATTERN.test(key) || key.split("/").some((s) => s === "." || s === "..")) {
    throw new BlobStoreError("BlobPathInvalid", key, backend, "invalid key");
  }
}
