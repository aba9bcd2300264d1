// The vulnerability feed scans match against: the curated records in content/advisories (OSV JSON,
// reviewed for the course, see its README) plus any OSV export imported with
// `npm run dockyard -- advisories:import` under the data directory (advisory-store.ts).
// Curated content stays authoritative for its own ids: an imported record whose id a curated file
// uses is left out, so the course's reviewed fixed versions and sources never change under a
// lesson; every other imported record is added. The curated part is loaded once per process; the
// merged feed is rebuilt when an import finishes, also one run by another process (the CLI), since
// each call compares the import's stamp (a stat of one file).
import path from "node:path";
import { getConfig } from "../../core/env";
import { buildAdvisoryIndex, loadAdvisories, type AdvisoryIndex } from "../../scanner/advisories";
import { importStamp, readImportedAdvisories } from "./advisory-store";

let curated: Promise<AdvisoryIndex> | undefined;
const merged = new Map<string, { stamp: string | null; feed: Promise<AdvisoryIndex> }>();

function curatedFeed(): Promise<AdvisoryIndex> {
  curated ??= loadAdvisories(path.join(/*turbopackIgnore: true*/ process.cwd(), "content", "advisories"));
  return curated;
}

async function mergeFeeds(dataDir: string, stamp: string | null): Promise<AdvisoryIndex> {
  const base = await curatedFeed();
  if (stamp === null) return base;
  const imported = await readImportedAdvisories(dataDir);
  if (imported.unreadable > 0) console.warn(`advisory feed: ${imported.unreadable} imported record(s) under ${dataDir} could not be read and were skipped; run advisories:import again.`);
  const curatedIds = new Set(base.records().map((r) => r.id));
  return buildAdvisoryIndex([...base.records(), ...imported.records.filter((r) => !curatedIds.has(r.id))]);
}

/** The feed for the data directory (by default the configured one): curated + imported records. */
export async function advisoryFeed(dataDir: string = getConfig().dataDir): Promise<AdvisoryIndex> {
  const stamp = await importStamp(dataDir);
  const cached = merged.get(dataDir);
  if (cached && cached.stamp === stamp) return cached.feed;
  const feed = mergeFeeds(dataDir, stamp);
  merged.set(dataDir, { stamp, feed });
  // A failed load is not cached: the next scan tries again.
  feed.catch(() => merged.get(dataDir)?.feed === feed && merged.delete(dataDir));
  return feed;
}

/** Drops the merged feeds of this process (the importer calls it when it finishes). */
export function invalidateAdvisoryFeed(): void {
  merged.clear();
}

/** When the feed was last changed, for vulnerabilitySourceUpdatedAt. [A] The build time of the feed files. */
export const FEED_UPDATED_AT = new Date("2026-11-28T00:00:00Z");
