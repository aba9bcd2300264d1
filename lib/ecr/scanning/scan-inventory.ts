// The package inventory stored with an image's latest scan (ImageScan.packages, JSON Package[]),
// read back through a schema, with the scan's times, for the console's inventory table.
import { z } from "zod";
import type { Deps } from "../../core/deps";
import type { Package } from "../../scanner";

const StoredPackages = z.array(
  z.object({
    name: z.string(),
    version: z.string(),
    ecosystem: z.string(),
    manager: z.enum(["apk", "dpkg", "npm", "pypi"]),
    source: z.object({ name: z.string(), version: z.string() }).optional(),
    arch: z.string().optional(),
    status: z.string().optional(),
    path: z.string(),
    layerDigest: z.string(),
  }),
);

export function parseStoredPackages(text: string): Package[] {
  try {
    const parsed = StoredPackages.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export type ScanInventory = { status: string; startedAt: Date; completedAt: Date | null; packages: Package[] };

/** The latest scan of one image of a repository (the caller has checked the repository is the
 *  learner's), or null when the image was never scanned. */
export async function scanInventory(deps: Pick<Deps, "db">, repositoryId: string, digest: string): Promise<ScanInventory | null> {
  const row = await deps.db.imageScan.findFirst({ where: { manifest: { repositoryId, digest } }, select: { status: true, startedAt: true, completedAt: true, packages: true } });
  if (!row) return null;
  return { status: row.status, startedAt: row.startedAt, completedAt: row.completedAt, packages: row.status === "COMPLETE" ? parseStoredPackages(row.packages) : [] };
}
