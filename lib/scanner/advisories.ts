// Loads an OSV feed (a directory tree of *.json files, one record each) and indexes it by
// ecosystem + package name for O(1) lookup. Every problem names the file and the field, and all
// problems are collected before the loader throws, so one run shows every fix to make.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { normalizePypiName } from "./language-manifests";
import { OsvRecordSchema, type OsvAffected, type OsvRecord } from "./osv-schema";

export type AdvisoryProblem = { file: string; field: string; message: string };
export type AdvisoryCandidate = { record: OsvRecord; affected: OsvAffected };

export class AdvisoryFeedError extends Error {
  override readonly name = "AdvisoryFeedError";
  constructor(readonly problems: AdvisoryProblem[]) {
    super(`The advisory feed has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join("\n")}`);
  }
}

export type AdvisoryIndex = {
  /** Number of records indexed (withdrawn ones excluded). */
  readonly size: number;
  /** The affected entries for one package in one ecosystem ("Alpine:v3.15", "openssl"). */
  lookup(ecosystem: string, name: string): readonly AdvisoryCandidate[];
  records(): readonly OsvRecord[];
};

/** Whether the scanner can ever look a package up in this OSV ecosystem: the releases ecosystemFor
 * produces ("Alpine:v3.19", "Debian:12", "Ubuntu:22.04", plus OSV's "Ubuntu:22.04:LTS" the matcher
 * also tries), npm and PyPI. Other ecosystems (Go, Maven, "Ubuntu:Pro:…", bare "Debian") never match. */
export function isMatchableEcosystem(ecosystem: string): boolean {
  return /^(?:Alpine:v\d+\.\d+|Debian:\d+|Ubuntu:\d+\.\d+(?::LTS)?|npm|PyPI)$/.test(ecosystem);
}

/** PyPI names compare after PEP 503 normalisation; every other ecosystem compares exactly. */
export function packageKey(ecosystem: string, name: string): string {
  return `${ecosystem}\u0000${ecosystem === "PyPI" ? normalizePypiName(name) : name}`;
}

export function buildAdvisoryIndex(records: readonly OsvRecord[]): AdvisoryIndex {
  const byPackage = new Map<string, AdvisoryCandidate[]>();
  const kept = records.filter((r) => !r.withdrawn);
  for (const record of kept) {
    for (const affected of record.affected) {
      const key = packageKey(affected.package.ecosystem, affected.package.name);
      const list = byPackage.get(key) ?? [];
      list.push({ record, affected });
      byPackage.set(key, list);
    }
  }
  return {
    size: kept.length,
    lookup: (ecosystem, name) => byPackage.get(packageKey(ecosystem, name)) ?? [],
    records: () => kept,
  };
}

/** Validates one file's text; returns the record or the problems (with `file` as given). */
export function parseAdvisory(text: string, file: string): { record: OsvRecord } | { problems: AdvisoryProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file, field: "(file)", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = OsvRecordSchema.safeParse(json);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ file, field: i.path.map(String).join(".") || "(record)", message: i.message })) };
  }
  return { record: parsed.data };
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Loads and validates every *.json under `dir`; throws AdvisoryFeedError listing all problems. */
export async function loadAdvisories(dir: string): Promise<AdvisoryIndex> {
  const problems: AdvisoryProblem[] = [];
  const records: OsvRecord[] = [];
  const seen = new Map<string, string>();
  for (const file of await jsonFiles(dir)) {
    const label = path.relative(dir, file);
    const result = parseAdvisory(await readFile(file, "utf8"), label);
    if ("problems" in result) {
      problems.push(...result.problems);
      continue;
    }
    const earlier = seen.get(result.record.id);
    if (earlier) {
      problems.push({ file: label, field: "id", message: `"${result.record.id}" is already used by ${earlier}` });
      continue;
    }
    seen.set(result.record.id, label);
    records.push(result.record);
  }
  if (problems.length > 0) throw new AdvisoryFeedError(problems);
  return buildAdvisoryIndex(records);
}
