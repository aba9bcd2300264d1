// Severity filter of a scan's findings: plain links (?severity=…), so it works without JavaScript
// and the selection lives in the URL; each shows how many findings have that severity.
import Link from "next/link";
import type { Translate } from "@/lib/i18n/messages";
import type { Severity } from "@/lib/scanner";
import { scanHref, SEVERITIES, type ScanQuery } from "./scan-table-filters";

type Props = { base: string; query: ScanQuery; counts: Record<string, number>; total: number; t: Translate };

export function ScanSeverityFilter({ base, query, counts, total, t }: Props) {
  const options: { severity: Severity | undefined; label: string; count: number }[] = [
    { severity: undefined, label: t("scanView.allSeverities"), count: total },
    ...SEVERITIES.map((s) => ({ severity: s, label: s, count: counts[s] ?? 0 })),
  ];
  return (
    <nav aria-label={t("scanView.severityFilter")} className="scan-severity-filter" data-testid="severity-filter">
      <ul>
        {options.map((o) => {
          const selected = o.severity === query.severity;
          return (
            <li key={o.label}>
              <Link href={scanHref(base, { ...query, severity: o.severity }, "scan-findings-table")} aria-current={selected ? "true" : undefined} className={`scan-filter-link${o.severity ? ` severity-${o.severity.toLowerCase()}` : ""}${selected ? " is-selected" : ""}`} scroll={false}>
                {o.label} <span className="scan-filter-count">{o.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
