// Offline import of an OSV export (a zip such as OSV's <Ecosystem>/all.zip, or a directory of
// record files) into the advisory store under the data directory (advisory-store.ts). Entries are
// streamed one at a time: each is validated with the scanner's OSV schema, its affected entries
// are narrowed to ecosystems the scanner can match (and to the --ecosystem-filter), and the record
// is appended to its family's file. Files are written beside the live ones and renamed into place
// only when the whole archive was read, so a failed import changes nothing; the report file is
// written last, which is what tells every process's feed to reload.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Clock } from "../../core/clock";
import { isMatchableEcosystem, parseAdvisory } from "../../scanner/advisories";
import { openOsvArchive } from "../../scanner/osv-archive";
import type { OsvRecord } from "../../scanner/osv-schema";
import { ecosystemFamily, familyFile, IMPORT_REPORT_FILE, importedAdvisoriesDir } from "./advisory-store";
import { invalidateAdvisoryFeed } from "./advisory-feed";

/** How many invalid records the report lists by name (all are counted). */
export const INVALID_SHOWN = 20;

/** Ecosystem families the scanner matches; a filter names one of these or one matchable ecosystem. */
export const MATCHABLE_FAMILIES = ["Alpine", "Debian", "Ubuntu", "npm", "PyPI"] as const;

export type ImportOptions = {
  /** Keep only these families ("Alpine") or ecosystems ("Debian:12"); all matchable ones by default. */
  ecosystemFilter?: readonly string[];
  onProgress?: (done: number, total: number) => void;
};

export type ImportReport = {
  source: string;
  kind: "zip" | "directory";
  /** Archive entries read (directories and non-JSON files included). */
  entries: number;
  /** Records stored. */
  imported: number;
  /** Stored records per ecosystem they affect (a record affecting Debian:11 and :12 counts in both). */
  byEcosystem: Record<string, number>;
  /** Valid records left out: withdrawn, or no affected ecosystem the scanner matches (or the filter keeps). */
  skipped: number;
  /** Entries that are not JSON files (zip directories, READMEs). */
  otherEntries: number;
  invalid: number;
  /** The first INVALID_SHOWN invalid records: file name and reason. */
  invalidRecords: { file: string; reason: string }[];
  /** Families whose stored file this import replaced. */
  replacedFamilies: string[];
  startedAt: string;
  durationMs: number;
};

/** Checks filter values; returns the ones the scanner could never match. */
export function unmatchableFilters(filter: readonly string[]): string[] {
  return filter.filter((f) => !(MATCHABLE_FAMILIES as readonly string[]).includes(f) && !isMatchableEcosystem(f));
}

function passesFilter(ecosystem: string, filter: readonly string[] | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  return filter.some((f) => ecosystem === f || ecosystem.startsWith(`${f}:`));
}

/** Appends lines to one family's partial file, waiting when the stream's buffer is full. */
class FamilyWriters {
  private readonly streams = new Map<string, { stream: WriteStream; partial: string }>();
  constructor(private readonly dataDir: string) {}

  async write(family: string, line: string): Promise<void> {
    let entry = this.streams.get(family);
    if (!entry) {
      const partial = `${familyFile(this.dataDir, family)}.partial-${process.pid}`;
      entry = { stream: createWriteStream(partial, { encoding: "utf8" }), partial };
      this.streams.set(family, entry);
    }
    if (!entry.stream.write(`${line}\n`)) await new Promise<void>((resolve) => entry.stream.once("drain", resolve));
  }

  private async closeAll(): Promise<void> {
    await Promise.all([...this.streams.values()].map(({ stream }) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))));
  }

  /** Moves every written family into place; returns the families replaced. */
  async commit(): Promise<string[]> {
    await this.closeAll();
    for (const [family, { partial }] of this.streams) await rename(partial, familyFile(this.dataDir, family));
    return [...this.streams.keys()].sort();
  }

  async abandon(): Promise<void> {
    await this.closeAll().catch(() => undefined);
    await Promise.all([...this.streams.values()].map(({ partial }) => rm(partial, { force: true })));
  }
}

/** The record narrowed to the affected entries kept, grouped by family; empty when none is kept. */
function keptByFamily(record: OsvRecord, filter: readonly string[] | undefined): Map<string, OsvRecord> {
  const groups = new Map<string, OsvRecord["affected"]>();
  for (const affected of record.affected) {
    const ecosystem = affected.package.ecosystem;
    if (!isMatchableEcosystem(ecosystem) || !passesFilter(ecosystem, filter)) continue;
    const family = ecosystemFamily(ecosystem);
    groups.set(family, [...(groups.get(family) ?? []), affected]);
  }
  return new Map([...groups].map(([family, affected]) => [family, { ...record, affected }]));
}

export async function importAdvisories(deps: { dataDir: string; clock: Clock }, source: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = deps.clock.now();
  const archive = await openOsvArchive(source);
  await mkdir(importedAdvisoriesDir(deps.dataDir), { recursive: true });
  const writers = new FamilyWriters(deps.dataDir);
  const report: ImportReport = { source: path.resolve(source), kind: archive.kind, entries: 0, imported: 0, byEcosystem: {}, skipped: 0, otherEntries: 0, invalid: 0, invalidRecords: [], replacedFamilies: [], startedAt: started.toISOString(), durationMs: 0 };
  const invalid = (file: string, reason: string) => {
    report.invalid += 1;
    if (report.invalidRecords.length < INVALID_SHOWN) report.invalidRecords.push({ file, reason });
  };
  const seen = new Map<string, string>();
  try {
    for await (const entry of archive.entries()) {
      report.entries += 1;
      options.onProgress?.(report.entries, archive.total);
      if ("skip" in entry) {
        report.otherEntries += 1;
        continue;
      }
      if ("problem" in entry) {
        invalid(entry.name, entry.problem);
        continue;
      }
      const parsed = parseAdvisory(entry.text, entry.name);
      if ("problems" in parsed) {
        invalid(entry.name, parsed.problems.map((p) => `${p.field}: ${p.message}`).join("; "));
        continue;
      }
      const { record } = parsed;
      const earlier = seen.get(record.id);
      if (earlier !== undefined) {
        invalid(entry.name, `id "${record.id}" is already used by ${earlier}`);
        continue;
      }
      seen.set(record.id, entry.name);
      const kept = record.withdrawn ? new Map<string, OsvRecord>() : keptByFamily(record, options.ecosystemFilter);
      if (kept.size === 0) {
        report.skipped += 1;
        continue;
      }
      for (const [family, narrowed] of kept) {
        await writers.write(family, JSON.stringify(narrowed));
        for (const ecosystem of new Set(narrowed.affected.map((a) => a.package.ecosystem))) report.byEcosystem[ecosystem] = (report.byEcosystem[ecosystem] ?? 0) + 1;
      }
      report.imported += 1;
    }
    report.replacedFamilies = await writers.commit();
  } catch (error) {
    await writers.abandon();
    throw error;
  }
  report.durationMs = deps.clock.now().getTime() - started.getTime();
  if (report.replacedFamilies.length > 0) {
    const reportFile = path.join(importedAdvisoriesDir(deps.dataDir), IMPORT_REPORT_FILE);
    await writeFile(`${reportFile}.partial`, `${JSON.stringify(report, null, 2)}\n`);
    await rename(`${reportFile}.partial`, reportFile);
    invalidateAdvisoryFeed();
  }
  return report;
}
