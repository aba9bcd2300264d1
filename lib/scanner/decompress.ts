// Turns a layer blob into tar bytes. The compression is read from the media type AND checked
// against the magic bytes: when the bytes carry a gzip or zstd signature we trust it (as
// containerd does, since some tools label zstd layers "tar.gzip"); a layer declared compressed
// whose bytes carry no signature is unreadable rather than silently parsed as plain tar.
import { Readable, Transform, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { Decompress } from "fzstd";
import { ScanError } from "./errors";

export type Compression = "gzip" | "zstd" | "none";

const LAYER_MEDIA_TYPE = /^application\/vnd\.(?:oci\.image\.layer(?:\.nondistributable)?\.v1\.tar|docker\.image\.rootfs(?:\.foreign)?\.diff\.tar)(?:[+.](gzip|zstd))?$/;

/** The compression a filesystem-layer media type declares, or null when it is not a layer type. */
export function declaredCompression(mediaType: string): Compression | null {
  const m = LAYER_MEDIA_TYPE.exec(mediaType);
  if (!m) return null;
  return (m[1] as Compression | undefined) ?? "none";
}

/** The compression the first bytes announce: gzip 1f 8b, zstd frame 28 b5 2f fd. */
export function sniffCompression(head: Uint8Array): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return "zstd";
  return "none";
}

/** Which decoder to use, or a LayerUnreadable error when the declaration and the bytes disagree. */
export function chooseCompression(mediaType: string, head: Uint8Array): Compression {
  const sniffed = sniffCompression(head);
  if (sniffed !== "none") return sniffed;
  const declared = declaredCompression(mediaType) ?? "none";
  if (declared !== "none" && head.length > 0) {
    throw new ScanError("LayerUnreadable", `The layer is declared ${declared} (${mediaType}) but its bytes do not start with the ${declared} signature.`, { mediaType });
  }
  return "none";
}

/** Reads at least `n` bytes (or everything, if shorter) and returns them with a stream of the whole. */
export async function peek(source: AsyncIterable<Buffer>, n: number): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < n) {
    const r = await it.next();
    if (r.done) break;
    chunks.push(r.value);
    length += r.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head, rest: rest() };
}

/** A Transform around fzstd's streaming decoder. `onOutput` runs synchronously per block so a
 * limit can stop a bomb before the next block is decoded. */
function zstdTransform(onOutput: (bytes: number) => void): Transform {
  let decoder: Decompress;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        decoder.push(chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        decoder.push(new Uint8Array(0), true);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  decoder = new Decompress((data) => {
    onOutput(data.length);
    transform.push(Buffer.from(data));
  });
  return transform;
}

/** zlib's default 16 KiB output chunks make every layer byte cross the stream and tar plumbing in
 * thousands of small steps; 256 KiB chunks made a scan of a 100 MiB image about twice as fast
 * (scripts/bench-scan.mjs) and still stop a bomb within 256 KiB of its limit. */
const GUNZIP_CHUNK_BYTES = 256 * 1024;

/**
 * Decompressed chunks of a layer. `onOutput` is called with the size of every decompressed chunk
 * before it is handed on; it throws (a ScanError) to stop. Decoder errors surface as the
 * library's own errors; the tar walker turns them into LayerUnreadable.
 */
export async function* decompressedChunks(source: AsyncIterable<Buffer>, compression: Compression, onOutput: (bytes: number) => void): AsyncGenerator<Buffer> {
  if (compression === "none") {
    for await (const chunk of source) {
      onOutput(chunk.length);
      yield chunk;
    }
    return;
  }
  // zlib emits bounded chunks with backpressure, so counting them here is enough; fzstd can emit
  // many blocks from one input chunk, so it counts inside the decoder callback.
  const countHere = compression === "gzip";
  const decoder = countHere ? createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }) : zstdTransform(onOutput);
  const output = pipeline(Readable.from(source), decoder, () => {
    // errors reach the consumer through the iteration below
  });
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      if (countHere) onOutput(chunk.length);
      yield chunk;
    }
  } finally {
    output.destroy();
  }
}
