// In-memory backend, for tests of the registry logic and as a second implementation that keeps
// the contract honest.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, BlobStoreError, boundsOf, type BlobStat, type BlobStore, type ByteRange, type OpenedBlob } from "./blob-store";

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
  async function openKey(k: string, range?: ByteRange): Promise<OpenedBlob> {
    const { data } = must(k);
    const { start, end } = boundsOf(range, data.length, k, NAME);
    const slice = Buffer.from(data.subarray(start, end + 1));
    return {
      length: slice.length,
      stream: () => Readable.from([slice]),
      copyTo: (out) => pipeline(Readable.from([slice]), out),
      close: async () => undefined,
    };
  }
  return {
    name: NAME,
    async stat(k): Promise<BlobStat | null> {
      const v = values.get(key(k));
      return v ? { size: v.data.length, modifiedAt: v.modifiedAt } : null;
    },
    async read(k, range?: ByteRange) {
      return (await openKey(k, range)).stream();
    },
    open: openKey,
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
