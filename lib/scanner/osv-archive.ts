// The files of an OSV export, one at a time: a zip as published at
// https://osv-vulnerabilities.storage.googleapis.com/<Ecosystem>/all.zip (one JSON file per record),
// or a directory of such files. The zip is read entry by entry through its central directory
// (yauzl), so neither the archive nor the set of records is ever held in memory; `total` is known
// before the first entry, for a progress bar.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import yauzl from "yauzl";

/** A record file larger than this is reported invalid rather than buffered (OSV records are KBs). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** One entry of the export: `text` for a .json file, `skip` for anything else (directories, READMEs). */
export type OsvArchiveEntry = { name: string } & ({ text: string } | { skip: string } | { problem: string });

export type OsvArchive = {
  kind: "zip" | "directory";
  /** Entries `entries()` will yield (zip: the central directory's count; directory: files found). */
  total: number;
  entries(): AsyncGenerator<OsvArchiveEntry>;
};

async function readStream(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

async function openZip(file: string): Promise<OsvArchive> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
  async function* entries(): AsyncGenerator<OsvArchiveEntry> {
    try {
      for (;;) {
        const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
          const cleanup = () => {
            zip.off("entry", onEntry);
            zip.off("end", onEnd);
            zip.off("error", onError);
          };
          const onEntry = (e: yauzl.Entry) => (cleanup(), resolve(e));
          const onEnd = () => (cleanup(), resolve(null));
          const onError = (err: Error) => (cleanup(), reject(err));
          zip.on("entry", onEntry);
          zip.on("end", onEnd);
          zip.on("error", onError);
          zip.readEntry();
        });
        if (!entry) return;
        const name = entry.fileName;
        if (name.endsWith("/")) yield { name, skip: "directory" };
        else if (!name.endsWith(".json")) yield { name, skip: "not a .json file" };
        else if (entry.uncompressedSize > MAX_RECORD_BYTES) yield { name, problem: `larger than ${MAX_RECORD_BYTES} bytes` };
        else {
          // A damaged entry (bad deflate data, wrong size) is one invalid record, not a failed import.
          const bytes = await zip
            .openReadStreamPromise(entry)
            .then((stream) => readStream(stream, MAX_RECORD_BYTES))
            .catch((error: unknown) => error as Error);
          if (bytes instanceof Error) yield { name, problem: `unreadable in the zip: ${bytes.message}` };
          else yield bytes ? { name, text: bytes.toString("utf8") } : { name, problem: `larger than ${MAX_RECORD_BYTES} bytes` };
        }
      }
    } finally {
      zip.close();
    }
  }
  return { kind: "zip", total: zip.entryCount, entries };
}

async function openDirectory(dir: string): Promise<OsvArchive> {
  const found = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = found
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  async function* entries(): AsyncGenerator<OsvArchiveEntry> {
    for (const file of files) {
      const name = path.relative(dir, file);
      const size = (await stat(file)).size;
      yield size > MAX_RECORD_BYTES ? { name, problem: `larger than ${MAX_RECORD_BYTES} bytes` } : { name, text: await readFile(file, "utf8") };
    }
  }
  return { kind: "directory", total: files.length, entries };
}

/** Opens a zip file or a directory; throws a plain Error naming the path when it is neither. */
export async function openOsvArchive(source: string): Promise<OsvArchive> {
  const info = await stat(source).catch(() => null);
  if (!info) throw new Error(`${source} does not exist.`);
  if (info.isDirectory()) return openDirectory(source);
  try {
    return await openZip(source);
  } catch (error) {
    throw new Error(`${source} is not a readable zip file (${(error as Error).message}).`);
  }
}
