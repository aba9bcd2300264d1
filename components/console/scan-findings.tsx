// One image's latest scan in the console (server component): status and time, OS, the SBOM link,
// findings filtered by severity with fixed-in hints, and the package inventory. Without a finished
// scan it says why: not scanned yet (with the Scan button), running, unsupported or failed.
import type { ReactNode } from "react";
import type { ScanInventory } from "@/lib/ecr/scanning/scan-inventory";
import type { ScanView } from "@/lib/ecr/scanning/scan-views";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";
import { formatDateTime } from "@/components/registry/format";
import { ScanFindingsTable } from "./scan-findings-table";
import { ScanInventoryTable } from "./scan-inventory-table";
import { ScanSeverityFilter } from "./scan-severity-filter";
import { findingsOfSeverity, SEVERITIES, type ScanQuery } from "./scan-table-filters";

type Props = {
  locale: Locale;
  t: Translate;
  /** The repository page's path; the filters link back to it. */
  base: string;
  query: ScanQuery;
  imageLabel: string;
  sbomHref: string;
  view: ScanView | undefined;
  inventory: ScanInventory | null;
  /** The Scan button, shown when the image has not been scanned yet. */
  scanButton: ReactNode;
};

function ScanMeta({ view, inventory, locale, t }: Pick<Props, "locale" | "t"> & { view: ScanView; inventory: ScanInventory | null }) {
  const time = view.status === "IN_PROGRESS" ? inventory?.startedAt : (view.completedAt ?? inventory?.startedAt);
  return (
    <dl className="scan-meta">
      <div>
        <dt>{t("scanView.status")}</dt>
        <dd>
          <code data-testid="scan-result-status">{view.status}</code>
        </dd>
      </div>
      {time && (
        <div>
          <dt>{view.status === "IN_PROGRESS" ? t("scanView.startedAt") : t("scanView.completedAt")}</dt>
          <dd>
            <time dateTime={time.toISOString()}>{formatDateTime(time, locale)}</time>
          </dd>
        </div>
      )}
      {view.status === "COMPLETE" && (
        <div>
          <dt>{t("scanView.os")}</dt>
          <dd>{view.os ?? t("scanView.osUnknown")}</dd>
        </div>
      )}
    </dl>
  );
}

export function ScanFindings({ locale, t, base, query, imageLabel, sbomHref, view, inventory, scanButton }: Props) {
  const heading = t("scanView.heading", { image: imageLabel });
  if (!view) {
    return (
      <div className="panel scan-findings" data-testid="scan-findings">
        <h3>{heading}</h3>
        <p>{t("scanView.notScanned")}</p>
        {scanButton}
      </div>
    );
  }
  const findings = findingsOfSeverity(view.findings, query.severity);
  return (
    <details className="panel scan-findings" open data-testid="scan-findings">
      <summary>
        <strong>{heading}</strong>
        {SEVERITIES.filter((s) => view.counts[s]).map((s) => (
          <span key={s} className={`badge severity severity-${s.toLowerCase()}`}>
            {s} {view.counts[s]}
          </span>
        ))}
      </summary>
      <ScanMeta view={view} inventory={inventory} locale={locale} t={t} />
      {view.status === "COMPLETE" && (
        <p>
          <a href={sbomHref} download className="button button-small" data-testid="sbom-link">
            {t("scanView.sbom")}
          </a>
        </p>
      )}
      {view.status === "IN_PROGRESS" && <p className="hint">{t("scanView.inProgress")}</p>}
      {view.status === "UNSUPPORTED_IMAGE" && <p className="scan-explain">{t("scanView.unsupported")}</p>}
      {view.status === "FAILED" && <p className="scan-explain">{t("scanView.failed")}</p>}
      {view.status !== "COMPLETE" && view.status !== "IN_PROGRESS" && view.description && (
        <p className="hint">
          <code>{view.description}</code>
        </p>
      )}
      {view.status === "COMPLETE" && (
        <>
          <ScanSeverityFilter base={base} query={query} counts={view.counts} total={view.findings.length} t={t} />
          <p className="hint" id="scan-findings-table" aria-live="polite">
            {t("scanView.findingsShown", { shown: findings.length, total: view.findings.length })}
          </p>
          {view.findings.length === 0 ? (
            <p className="form-ok">{t("scanView.noFindings")}</p>
          ) : findings.length === 0 ? (
            <p className="hint">{t("scanView.noFindingsOfSeverity", { severity: query.severity ?? "" })}</p>
          ) : (
            <ScanFindingsTable findings={findings} t={t} />
          )}
          <ScanInventoryTable base={base} query={query} packages={inventory?.packages ?? []} t={t} />
        </>
      )}
    </details>
  );
}
