// What the console shows of each image's latest scan: status, counts and the findings list.
import type { Deps } from "../../core/deps";
import type { Finding } from "../../scanner";
import { parseStoredFindings, severityCounts } from "./stored-findings";

export type ScanView = { status: string; description: string | null; completedAt: Date | null; os: string | null; counts: Record<string, number>; findings: Finding[]; packageCount: number };

export async function scanViews(deps: Pick<Deps, "db">, repositoryId: string): Promise<Map<string, ScanView>> {
  const rows = await deps.db.imageScan.findMany({ where: { manifest: { repositoryId } }, include: { manifest: { select: { digest: true } } } });
  const out = new Map<string, ScanView>();
  for (const r of rows) {
    const findings = r.status === "COMPLETE" ? parseStoredFindings(r.findings) : [];
    const packageCount = r.status === "COMPLETE" ? (JSON.parse(r.packages) as unknown[]).length : 0;
    out.set(r.manifest.digest, { status: r.status, description: r.description, completedAt: r.completedAt, os: r.os, counts: severityCounts(findings), findings, packageCount });
  }
  return out;
}
