// Where imported OSV advisories live and how they are read back. Layout under the data directory:
//
//   <dataDir>/advisories/imported/
//     Alpine.jsonl  Debian.jsonl  Ubuntu.jsonl  npm.jsonl  PyPI.jsonl   one validated record per line
//     import.json                                                       the last import's report; written
//                                                                       last, so its change marks a new feed
//
// One file per ecosystem family keeps a record that affects several releases (Debian:11 and :12)
// whole. An import replaces the file of every family it brings and leaves the others alone.
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { OsvRecordSchema, type OsvRecord } from "../../scanner/osv-schema";

export const IMPORT_REPORT_FILE = "import.json";

export function importedAdvisoriesDir(dataDir: string): string {
  return path.join(dataDir, "advisories", "imported");
}

/** "Alpine:v3.19" → Alpine, "Ubuntu:22.04:LTS" → Ubuntu, "npm" → npm. */
export function ecosystemFamily(ecosystem: string): string {
  return ecosystem.split(":")[0]!;
}

export function familyFile(dataDir: string, family: string): string {
  return path.join(importedAdvisoriesDir(dataDir), `${family}.jsonl`);
}

/** Identifies the stored import (null when nothing was imported): changes whenever an import ends. */
export async function importStamp(dataDir: string): Promise<string | null> {
  const info = await stat(path.join(importedAdvisoriesDir(dataDir), IMPORT_REPORT_FILE)).catch(() => null);
  return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : null;
}

export type ImportedAdvisories = { records: OsvRecord[]; unreadable: number };

/** Every stored record. The importer validated each one; a line that no longer parses (a damaged
 * file) is counted and skipped so one bad line cannot stop every scan. */
export async function readImportedAdvisories(dataDir: string): Promise<ImportedAdvisories> {
  const dir = importedAdvisoriesDir(dataDir);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".jsonl")).sort();
  const records: OsvRecord[] = [];
  let unreadable = 0;
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(path.join(dir, file), "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      try {
        const parsed = OsvRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data);
        else unreadable += 1;
      } catch {
        unreadable += 1;
      }
    }
  }
  return { records, unreadable };
}
