// In-memory backend, for tests of the registry logic and as a second implementation that keeps
// the contract honest.
import { Readable } from "node:stream";
import { assertValidKey, BlobStoreError, type BlobStat, type BlobStore, type ByteRange } from "./blob-store";

const NAME = "memory";

export function memoryBlobStore(now: () => Date = () => new Date()): BlobStore {
  const values = new Map<string, { data: Buffer; modifiedAt: Date }>();
  const key = (k: string) => {
    assertValidKey(k, NAME);
    return k;
  };
  const must = (k: string) => {
    const v = values.get(key(k));
    if (!v) throw new BlobStoreError("BlobPathNotFound", k, NAME, "not found");
    return v;
  };
  return {
    name: NAME,
    async stat(k): Promise<BlobStat | null> {
      const v = values.get(key(k));
      return v ? { size: v.data.length, modifiedAt: v.modifiedAt } : null;
    },
    async read(k, range?: ByteRange) {
      const { data } = must(k);
      if (range && (range.start < 0 || range.start > data.length || (range.start === data.length && data.length > 0) || range.end < range.start)) {
        throw new BlobStoreError("BlobOffsetInvalid", k, NAME, `range ${range.start}-${range.end} outside 0-${data.length}`);
      }
      const slice = range ? data.subarray(range.start, Math.min(range.end, data.length - 1) + 1) : data;
      return Readable.from([Buffer.from(slice)]);
    },
    async get(k) {
      return Buffer.from(must(k).data);
    },
    async append(k, data, onChunk) {
      const chunks: Buffer[] = [values.get(key(k))?.data ?? Buffer.alloc(0)];
      let written = 0;
      try {
        for await (const chunk of data) {
          onChunk?.(chunk);
          chunks.push(Buffer.from(chunk));
          written += chunk.byteLength;
        }
      } finally {
        values.set(k, { data: Buffer.concat(chunks), modifiedAt: now() });
      }
      return written;
    },
    async put(k, data) {
      values.set(key(k), { data: Buffer.from(data), modifiedAt: now() });
    },
    async move(from, to) {
      const v = must(from);
      values.set(key(to), v);
      values.delete(from);
    },
    async delete(k) {
      key(k);
      for (const existing of [...values.keys()]) if (existing === k || existing.startsWith(`${k}/`)) values.delete(existing);
    },
    async list(prefix) {
      key(prefix);
      return [...values.keys()].filter((k) => k.startsWith(`${prefix}/`)).sort();
    },
  };
}
