// The vulnerability feed scans match against: content/advisories (OSV JSON), loaded once per process.
import path from "node:path";
import { loadAdvisories, type AdvisoryIndex } from "../../scanner";

let feed: Promise<AdvisoryIndex> | undefined;

export function advisoryFeed(): Promise<AdvisoryIndex> {
  feed ??= loadAdvisories(path.join(/*turbopackIgnore: true*/ process.cwd(), "content", "advisories"));
  return feed;
}

/** When the feed was last changed, for vulnerabilitySourceUpdatedAt. [A] The build time of the feed files. */
export const FEED_UPDATED_AT = new Date("2026-11-28T00:00:00Z");
