// Filesystem backend: each key is a file under the root. Whole-value writes go to a temporary
// file first and are renamed into place, so a crash never leaves a half-written value visible.
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { once } from "node:events";
import { assertValidKey, BlobStoreError, boundsOf, type BlobStat, type BlobStore, type ByteRange, type OpenedBlob } from "./blob-store";
import { copyFileRange } from "./file-pump";

const NAME = "filesystem";
const TEMP_DIR = ".tmp";

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** Chunk size of read streams: large reads, few calls. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Bytes an upload may have queued for the disk before reading more from the client. */
const WRITE_BUFFER_BYTES = 8 * 1024 * 1024;

export function fsBlobStore(root: string): BlobStore {
  const file = (key: string) => {
    assertValidKey(key, NAME);
    return path.join(root, ...key.split("/"));
  };
  const notFound = (key: string) => new BlobStoreError("BlobPathNotFound", key, NAME, "not found");

  async function statKey(key: string): Promise<BlobStat | null> {
    try {
      const s = await stat(file(key));
      return s.isFile() ? { size: s.size, modifiedAt: s.mtime } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async function openKey(key: string, range?: ByteRange): Promise<OpenedBlob> {
    let handle;
    try {
      handle = await open(file(key), "r");
    } catch (error) {
      if (isNotFound(error)) throw notFound(key);
      throw error;
    }
    let bounds: ByteRange;
    try {
      const s = await handle.stat();
      if (!s.isFile()) throw notFound(key);
      bounds = boundsOf(range, s.size, key, NAME);
    } catch (error) {
      await handle.close();
      throw error;
    }
    const opened = handle;
    const { start, end } = bounds;
    return {
      length: end + 1 - start,
      // An empty value has no valid end offset; the stream then simply ends at once.
      stream: () => opened.createReadStream(end < start ? { highWaterMark: READ_CHUNK_BYTES } : { start, end, highWaterMark: READ_CHUNK_BYTES }),
      async copyTo(out) {
        try {
          await copyFileRange(opened, start, end, out);
        } finally {
          await opened.close();
        }
      },
      close: () => opened.close(),
    };
  }

  return {
    name: NAME,
    stat: statKey,

    async read(key: string, range?: ByteRange): Promise<Readable> {
      return (await openKey(key, range)).stream();
    },

    open: openKey,

    async get(key: string): Promise<Buffer> {
      try {
        return await readFile(file(key));
      } catch (error) {
        if (isNotFound(error)) throw notFound(key);
        throw error;
      }
    },

    async append(key: string, data: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => void): Promise<number> {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      // A deep write buffer lets the disk write one chunk while the next arrives from the network;
      // with the default 16 KiB every 64 KiB chunk waited for its write (half the push throughput).
      const out = createWriteStream(target, { flags: "a", highWaterMark: WRITE_BUFFER_BYTES });
      let written = 0;
      try {
        for await (const chunk of data) {
          onChunk?.(chunk);
          written += chunk.byteLength;
          if (!out.write(chunk)) await once(out, "drain");
        }
      } finally {
        out.end();
        await once(out, "close");
      }
      return written;
    },

    async put(key: string, data: Uint8Array): Promise<void> {
      const target = file(key);
      const temp = path.join(root, TEMP_DIR, randomUUID());
      await mkdir(path.dirname(temp), { recursive: true });
      const handle = await open(temp, "w");
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
    },

    async move(from: string, to: string): Promise<void> {
      const source = file(from);
      const target = file(to);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await rename(source, target);
      } catch (error) {
        if (isNotFound(error)) throw notFound(from);
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      await rm(file(key), { recursive: true, force: true });
    },

    async list(prefix: string): Promise<string[]> {
      const base = file(prefix);
      const out: string[] = [];
      async function walk(dir: string, rel: string): Promise<void> {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (error) {
          if (isNotFound(error) || (error as NodeJS.ErrnoException).code === "ENOTDIR") return;
          throw error;
        }
        for (const e of entries) {
          const childRel = `${rel}/${e.name}`;
          if (e.isDirectory()) await walk(path.join(dir, e.name), childRel);
          else if (e.isFile()) out.push(childRel);
        }
      }
      await walk(base, prefix);
      return out.sort();
    },
  };
}
