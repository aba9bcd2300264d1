// The findings of a scan, most severe first: advisory link, package, installed version and what
// to upgrade to (or that no fix exists yet).
import type { Translate } from "@/lib/i18n/messages";
import type { Finding } from "@/lib/scanner";
import { fixHint } from "./scan-table-filters";

const MAX_DESCRIPTION = 160;

export function ScanFindingsTable({ findings, t }: { findings: Finding[]; t: Translate }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="data-table scan-findings-table" data-testid="findings">
        <caption id="scan-findings-caption" className="visually-hidden">
          {t("scanView.findingsCaption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("scanView.severity")}</th>
            <th scope="col">{t("scanView.vulnerability")}</th>
            <th scope="col">{t("scanView.package")}</th>
            <th scope="col">{t("scanView.installed")}</th>
            <th scope="col">{t("scanView.fix")}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={`${f.vulnerabilityId} ${f.packageName} ${f.installedVersion}`} data-severity={f.severity}>
              <td>
                <span className={`badge severity severity-${f.severity.toLowerCase()}`}>{f.severity}</span>
              </td>
              <td>
                {f.uri ? (
                  <a href={f.uri} rel="noreferrer noopener" target="_blank">
                    {f.vulnerabilityId}
                    <span className="visually-hidden"> {t("scanView.opensNewTab")}</span>
                  </a>
                ) : (
                  f.vulnerabilityId
                )}
                {f.description && <div className="hint">{f.description.length > MAX_DESCRIPTION ? `${f.description.slice(0, MAX_DESCRIPTION - 1)}…` : f.description}</div>}
              </td>
              <td>
                <code>{f.packageName}</code>
              </td>
              <td>
                <code>{f.installedVersion}</code>
              </td>
              <td className={f.fixedVersion ? "scan-fix" : "scan-fix scan-no-fix"}>{fixHint(f, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
