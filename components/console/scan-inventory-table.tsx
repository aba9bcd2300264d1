// The package inventory of a scanned image, with a name filter that is a plain GET form (works
// without JavaScript; the image and severity selection ride along as hidden fields).
import type { Translate } from "@/lib/i18n/messages";
import type { Package } from "@/lib/scanner";
import { shortDigest } from "@/components/registry/format";
import { packagesNamed, scanHref, type ScanQuery } from "./scan-table-filters";

type Props = { base: string; query: ScanQuery; packages: Package[]; t: Translate };

function sourceOf(p: Package): string {
  if (!p.source || (p.source.name === p.name && p.source.version === p.version)) return "—";
  return p.source.version === p.version ? p.source.name : `${p.source.name} ${p.source.version}`;
}

export function ScanInventoryTable({ base, query, packages, t }: Props) {
  const shown = packagesNamed(packages, query.package);
  return (
    <section aria-labelledby="scan-inventory" className="scan-inventory" data-testid="inventory">
      <h3 id="scan-inventory">{t("scanView.inventory")}</h3>
      <p className="hint">{t("scanView.inventoryLead")}</p>
      <form method="get" action={`${base}#scan-inventory`} className="scan-inventory-filter" role="search">
        {query.image && <input type="hidden" name="image" value={query.image} />}
        {query.severity && <input type="hidden" name="severity" value={query.severity} />}
        <label className="field">
          <span>{t("scanView.nameFilter")}</span>
          <input type="search" name="package" defaultValue={query.package ?? ""} maxLength={100} />
        </label>
        <button type="submit" className="button button-small">
          {t("scanView.applyFilter")}
        </button>
        {query.package && (
          <a href={scanHref(base, { ...query, package: undefined }, "scan-inventory")} className="button button-small">
            {t("scanView.clearFilter")}
          </a>
        )}
      </form>
      <p className="hint" aria-live="polite">
        {t("scanView.inventoryShown", { shown: shown.length, total: packages.length })}
      </p>
      {packages.length === 0 ? (
        <p className="hint">{t("scanView.noPackages")}</p>
      ) : shown.length === 0 ? (
        <p className="hint">{t("scanView.noPackagesMatch", { query: query.package ?? "" })}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table scan-inventory-table">
            <thead>
              <tr>
                <th scope="col">{t("scanView.name")}</th>
                <th scope="col">{t("scanView.version")}</th>
                <th scope="col">{t("scanView.source")}</th>
                <th scope="col">{t("scanView.manager")}</th>
                <th scope="col">{t("scanView.layer")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={`${p.path} ${p.name} ${p.version} ${p.arch ?? ""}`}>
                  <td>
                    <code>{p.name}</code>
                    {p.arch && <span className="hint"> ({p.arch})</span>}
                  </td>
                  <td>
                    <code>{p.version}</code>
                  </td>
                  <td>{sourceOf(p)}</td>
                  <td>
                    {p.manager} · {p.ecosystem}
                  </td>
                  <td>
                    <code title={p.layerDigest}>{p.layerDigest ? shortDigest(p.layerDigest) : "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
