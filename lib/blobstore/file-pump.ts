// Copies part of an open file to a writable through a few buffers that are reused. Written by
// hand because neither fs.createReadStream nor stream.pipeline can reuse buffers: they allocate
// every chunk afresh, and V8 answers each 64 MiB of new buffer memory with a full garbage
// collection of the server's heap. Serving blobs that way spent more time collecting garbage than
// moving bytes when several downloads ran at once (scripts/bench-registry.mjs, pullParallel8).
import type { FileHandle } from "node:fs/promises";
import type { Writable } from "node:stream";

const CHUNK_BYTES = 1024 * 1024;
/** Buffers per copy: one being read from the file while the others wait in the socket. */
const BUFFERS = 4;

/** Resolves once `out` has taken `chunk` (its write callback); rejects if `out` fails or closes first. */
function writeAndWait(out: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error("the destination closed before taking all the bytes"));
    out.once("close", onClose);
    out.write(chunk, (error) => {
      out.off("close", onClose);
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Writes bytes start..end (inclusive) of `file` to `out`, then ends `out`. Does not close `file`. */
export async function copyFileRange(file: FileHandle, start: number, end: number, out: Writable): Promise<void> {
  const length = end + 1 - start;
  const buffers = Array.from({ length: Math.min(BUFFERS, Math.ceil(length / CHUNK_BYTES)) }, () => Buffer.allocUnsafeSlow(Math.min(CHUNK_BYTES, length)));
  const taken: (Promise<void> | undefined)[] = buffers.map(() => undefined);
  let position = start;
  try {
    for (let i = 0; position <= end; i = (i + 1) % buffers.length) {
      await taken[i]; // this buffer's last chunk is in the socket's hands: safe to overwrite
      const buffer = buffers[i]!;
      const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, end + 1 - position), position);
      if (bytesRead === 0) throw new Error(`the file ended at byte ${position}, before byte ${end}`);
      position += bytesRead;
      taken[i] = writeAndWait(out, buffer.subarray(0, bytesRead));
      taken[i]!.catch(() => undefined); // awaited below or on the next turn; never unhandled
    }
    await Promise.all(taken);
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
  out.end();
}
