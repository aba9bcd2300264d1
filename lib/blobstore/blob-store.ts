// The storage driver under the registry: a small key → bytes interface with streams, in the
// spirit of distribution's StorageDriver. It knows nothing about registries; lib/registry puts
// content-addressed blobs and upload files on top of it. Every backend passes the contract suite
// in blob-store.contract.ts (filesystem now, S3-compatible later).
import type { Readable, Writable } from "node:stream";

export type BlobStat = { size: number; modifiedAt: Date };
/** Inclusive byte range, as in HTTP Range. */
export type ByteRange = { start: number; end: number };

/** A value opened for reading (see BlobStore.open): use one of stream(), copyTo() or close(). */
export interface OpenedBlob {
  /** How many bytes it delivers (the range's length, once clamped to the value). */
  readonly length: number;
  /** The bytes as a stream; the backend's handle is released when it ends or is destroyed. */
  stream(): Readable;
  /**
   * Writes the bytes to `out`, each part only once `out` has taken the previous ones, then ends
   * `out`. Rejects if `out` fails or closes early. A backend may reuse its buffers here.
   */
  copyTo(out: Writable): Promise<void>;
  /** Releases the handle when the bytes are not wanted after all. */
  close(): Promise<void>;
}

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
  /**
   * Opens the value (or the inclusive `range` of it) for one read, with read()'s errors thrown
   * before any byte is delivered, so a server can still answer with an error status.
   */
  open(key: string, range?: ByteRange): Promise<OpenedBlob>;
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

/**
 * The inclusive bytes a read delivers: the whole value, or `range` with its end clamped to the
 * value's. A range starting past the end (or backwards) throws BlobOffsetInvalid.
 */
export function boundsOf(range: ByteRange | undefined, size: number, key: string, backend: string): ByteRange {
  if (!range) return { start: 0, end: size - 1 };
  if (range.start < 0 || range.start > size || (range.start === size && size > 0) || range.end < range.start) {
    throw new BlobStoreError("BlobOffsetInvalid", key, backend, `range ${range.start}-${range.end} outside 0-${size}`);
  }
  return { start: range.start, end: Math.min(range.end, size - 1) };
}
