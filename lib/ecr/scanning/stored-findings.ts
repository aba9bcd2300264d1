// Findings as stored on an ImageScan row (JSON), read back and counted in one place for every face.
import { z } from "zod";
import type { Finding } from "../../scanner";

export function severityCounts(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}

const StoredFindings = z.array(z.object({ vulnerabilityId: z.string(), aliases: z.array(z.string()), packageName: z.string(), installedVersion: z.string(), fixedVersion: z.string().nullable(), severity: z.enum(["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"]), description: z.string(), uri: z.string().nullable(), ecosystem: z.string() }));

export function parseStoredFindings(text: string): Finding[] {
  const parsed = StoredFindings.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}
