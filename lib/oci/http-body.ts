// Request bodies as async iterables of bytes (streamed, never buffered whole), and bounded reads.
import { RegistryError } from "../registry/errors";

export async function* bodyChunks(request: Request): AsyncIterable<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.byteLength) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Reads a small body (a manifest) into memory, refusing more than `max` bytes as soon as it is exceeded. */
export async function readBounded(body: AsyncIterable<Uint8Array>, max: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) throw new RegistryError("ManifestInvalid", `The manifest is larger than ${max} bytes (4 MiB), the most a manifest may be.`, { max });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** "bytes=0-99", "bytes=100-" → inclusive range; null when absent; "invalid" when unparseable. */
export function parseRangeHeader(value: string | null, size: number): { start: number; end: number } | null | "invalid" {
  if (!value) return null;
  const m = /^bytes=(\d+)-(\d*)$/.exec(value.trim());
  if (!m) return "invalid";
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : size - 1;
  if (start >= size || end < start) return "invalid";
  return { start, end: Math.min(end, size - 1) };
}

/** Content-Range of an upload chunk: "0-1023" (OCI) or "bytes 0-1023" (some clients). */
export function parseContentRange(value: string | null): { start: number; end: number } | null | "invalid" {
  if (!value) return null;
  const m = /^(?:bytes\s+)?(\d+)-(\d+)(?:\/(?:\d+|\*))?$/.exec(value.trim());
  if (!m) return "invalid";
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end < start ? "invalid" : { start, end };
}
