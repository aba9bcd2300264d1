// One image's latest scan: counts per severity and the findings table (server component).
import type { ScanView } from "@/lib/ecr/scanning/scan-views";

type Labels = { os: string; packages: string; none: string; severity: string; vulnerability: string; package: string; installed: string; fixedIn: string; noFix: string };

const ORDER = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

export function ScanFindings({ title, view, labels }: { title: string; view: ScanView; labels: Labels }) {
  return (
    <details className="panel scan-findings" open={view.findings.length > 0} data-testid="scan-findings">
      <summary>
        <strong>{title}</strong>{" "}
        {ORDER.filter((s) => view.counts[s]).map((s) => (
          <span key={s} className={`badge severity severity-${s.toLowerCase()}`}>
            {s} {view.counts[s]}
          </span>
        ))}
      </summary>
      {view.status !== "COMPLETE" && view.description && <p className="hint">{view.description}</p>}
      {view.status === "COMPLETE" && (
        <>
          <p className="hint">
            {labels.os}: {view.os ?? "—"} · {labels.packages}: {view.packageCount}
          </p>
          {view.findings.length === 0 ? (
            <p className="form-ok">{labels.none}</p>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{labels.severity}</th>
                    <th scope="col">{labels.vulnerability}</th>
                    <th scope="col">{labels.package}</th>
                    <th scope="col">{labels.installed}</th>
                    <th scope="col">{labels.fixedIn}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.findings.map((f) => (
                    <tr key={`${f.vulnerabilityId} ${f.packageName}`}>
                      <td>
                        <span className={`badge severity severity-${f.severity.toLowerCase()}`}>{f.severity}</span>
                      </td>
                      <td>
                        {f.uri ? (
                          <a href={f.uri} rel="noreferrer noopener" target="_blank">
                            {f.vulnerabilityId}
                          </a>
                        ) : (
                          f.vulnerabilityId
                        )}
                        <div className="hint">{f.description.length > 160 ? `${f.description.slice(0, 157)}…` : f.description}</div>
                      </td>
                      <td>
                        <code>{f.packageName}</code>
                      </td>
                      <td>
                        <code>{f.installedVersion}</code>
                      </td>
                      <td>{f.fixedVersion ? <code>{f.fixedVersion}</code> : <span className="hint">{labels.noFix}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </details>
  );
}
