// What the scan results show for the console's query (?image=…&severity=…&package=…): parsing
// the query, filtering findings and packages, and the fixed-in wording. Pure, so a page renders
// the same thing with or without JavaScript and unit tests cover it.
import { z } from "zod";
import type { Finding, Package, Severity } from "@/lib/scanner";

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"] as const satisfies readonly Severity[];

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The scan part of the repository page's query; anything malformed reads as "not given". */
export const ScanQuerySchema = z.object({
  image: z.preprocess(one, z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/).max(200).optional().catch(undefined)),
  severity: z.preprocess(one, z.enum(SEVERITIES).optional().catch(undefined)),
  package: z.preprocess(one, z.string().trim().max(100).optional().catch(undefined)),
});

export type ScanQuery = z.infer<typeof ScanQuerySchema>;

export function parseScanQuery(searchParams: Record<string, string | string[] | undefined>): ScanQuery {
  const query = ScanQuerySchema.parse(searchParams);
  return { ...query, package: query.package || undefined };
}

export function findingsOfSeverity(findings: readonly Finding[], severity: Severity | undefined): Finding[] {
  return severity ? findings.filter((f) => f.severity === severity) : [...findings];
}

/** Packages whose name contains the query, case-insensitively; all of them for an empty query. */
export function packagesNamed(packages: readonly Package[], query: string | undefined): Package[] {
  const q = query?.trim().toLowerCase();
  return q ? packages.filter((p) => p.name.toLowerCase().includes(q)) : [...packages];
}

/** The "fixed in" hint: which version to upgrade to, or that no fixed version is known. */
export function fixHint(finding: Pick<Finding, "fixedVersion">, t: (key: "scanView.fixedIn" | "scanView.noFixYet", vars?: Record<string, string>) => string): string {
  return finding.fixedVersion ? t("scanView.fixedIn", { version: finding.fixedVersion }) : t("scanView.noFixYet");
}

/** A repository page URL that keeps the scan selection (image, severity, package filter). */
export function scanHref(base: string, query: ScanQuery, anchor = "scan-results"): string {
  const params = new URLSearchParams();
  if (query.image) params.set("image", query.image);
  if (query.severity) params.set("severity", query.severity);
  if (query.package) params.set("package", query.package);
  const search = params.toString();
  return `${base}${search ? `?${search}` : ""}#${anchor}`;
}
