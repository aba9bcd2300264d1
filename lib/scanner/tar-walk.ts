// Walks the entries of one tar stream without touching the disk. Each entry is reported with a
// normalised path; only the entries the visitor asks for are read into memory (within
// maxFileBytes), the rest are skipped as they stream past. Entries whose name escapes the root
// are counted and ignored. Any parse or decoder failure becomes ScanError("LayerUnreadable").
import { extract as tarExtract, type Header } from "tar-stream";
import { ScanError, asScanError } from "./errors";
import { decodeNameBytes, normalizeTarPath } from "./tar-path";

export type TarEntryKind = "file" | "directory" | "symlink" | "hardlink" | "other";

export type TarEntry = {
  /** Root-relative, normalised ("etc/os-release"). */
  path: string;
  kind: TarEntryKind;
  /** Symlink target as written (may be relative or absolute); hardlink target as a normalised path. */
  linkTarget: string | null;
  size: number;
};

export type TarVisitor = {
  /** Whether the content of this entry (a regular file) should be buffered. */
  wants(entry: TarEntry): boolean;
  /** Every entry inside the root, in archive order; `content` is set for wanted files. */
  onEntry(entry: TarEntry, content: Buffer | null): void;
};

export type TarWalkLimits = { maxEntries: number; maxFileBytes: number };
export type TarWalkStats = { entries: number; ignoredEntries: number };

type PaxHeaders = { path?: string; linkpath?: string };

/** Header names are decoded as latin1 by tar-stream (lossless), then re-decoded here as UTF-8;
 * PAX names are UTF-8 already (the PAX format says so). */
function entryName(raw: string, fromPax: boolean): string {
  return fromPax ? raw : decodeNameBytes(Buffer.from(raw, "latin1"));
}

function kindOf(type: Header["type"] | undefined): TarEntryKind {
  switch (type) {
    case "file":
    case "contiguous-file":
      return "file";
    case "directory":
      return "directory";
    case "symlink":
      return "symlink";
    case "link":
      return "hardlink";
    default:
      return "other";
  }
}

/** Converts a header into a TarEntry, or null when its name leaves the root (or is the root). */
function toEntry(header: Header): TarEntry | null {
  const pax = header.pax as PaxHeaders | null | undefined;
  const path = normalizeTarPath(entryName(header.name, pax?.path !== undefined));
  if (!path) return null;
  const kind = kindOf(header.type);
  const rawLink = header.linkname ? entryName(header.linkname, pax?.linkpath !== undefined) : null;
  if (kind === "hardlink") {
    const target = rawLink === null ? null : normalizeTarPath(rawLink);
    return target ? { path, kind, linkTarget: target, size: 0 } : { path, kind: "other", linkTarget: null, size: 0 };
  }
  return { path, kind, linkTarget: kind === "symlink" ? rawLink : null, size: header.size ?? 0 };
}

async function readContent(stream: AsyncIterable<Buffer>, entry: TarEntry, maxFileBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += chunk.length;
    if (length > maxFileBytes) throw fileTooLarge(entry, maxFileBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

function fileTooLarge(entry: TarEntry, maxFileBytes: number): ScanError {
  return new ScanError("LimitExceeded", `/${entry.path} is larger than the ${maxFileBytes}-byte limit for a file the scanner reads.`, { limit: "maxFileBytes", path: entry.path, size: entry.size });
}

/** Feeds chunks into the extractor with backpressure; a failure destroys the extractor with it. */
async function feed(chunks: AsyncIterable<Buffer>, extractor: ReturnType<typeof tarExtract>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (extractor.destroyed) return;
      if (!extractor.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            extractor.off("drain", done);
            extractor.off("close", done);
            resolve();
          };
          extractor.on("drain", done);
          extractor.on("close", done);
        });
      }
    }
    extractor.end(null);
  } catch (error) {
    extractor.destroy(error as Error);
  }
}

export async function walkTar(chunks: AsyncIterable<Buffer>, visitor: TarVisitor, limits: TarWalkLimits): Promise<TarWalkStats> {
  // tar-stream's typings omit filenameEncoding; latin1 keeps the raw name bytes recoverable.
  const extractor = tarExtract({ filenameEncoding: "latin1" } as Parameters<typeof tarExtract>[0]);
  const feeding = feed(chunks, extractor);
  const stats: TarWalkStats = { entries: 0, ignoredEntries: 0 };
  try {
    for await (const stream of extractor) {
      stats.entries += 1;
      if (stats.entries > limits.maxEntries) {
        throw new ScanError("LimitExceeded", `The layer has more than ${limits.maxEntries} tar entries.`, { limit: "maxEntriesPerLayer" });
      }
      const entry = toEntry(stream.header);
      if (!entry) {
        stats.ignoredEntries += 1;
        stream.resume();
        continue;
      }
      if (entry.kind === "file" && visitor.wants(entry)) {
        if (entry.size > limits.maxFileBytes) throw fileTooLarge(entry, limits.maxFileBytes);
        visitor.onEntry(entry, await readContent(stream as AsyncIterable<Buffer>, entry, limits.maxFileBytes));
      } else {
        stream.resume();
        visitor.onEntry(entry, null);
      }
    }
  } catch (error) {
    extractor.destroy(null);
    throw asScanError(error, "LayerUnreadable", "The layer is not a readable tar stream");
  } finally {
    await feeding;
  }
  return stats;
}
