// /{locale}/registry/repositories/{name} — the images of one repository, with delete, and the
// scan results of one image (?image=<digest>&severity=<S>&package=<name filter>).
import type { Metadata } from "next";
import "@/app/styles/scan.css";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { registryHost } from "@/app/_server/host";
import { deleteImageAction } from "@/app/_server/registry-actions";
import { getDeps } from "@/lib/core/deps";
import { isRegistryError } from "@/lib/registry/errors";
import { getRepositoryOrThrow } from "@/lib/registry/repositories";
import { listImages } from "@/lib/registry/manifests";
import { translator } from "@/lib/i18n/messages";
import { ConfirmForm } from "@/components/registry/confirm-form";
import { CodeBlock } from "@/components/lesson/code-block";
import { formatBytes, formatDateTime, shortDigest } from "@/components/registry/format";
import { findRepository, repositoryPolicyTexts } from "@/lib/ecr/repository-record";
import { tagMutabilityOf, TAG_MUTABILITY } from "@/lib/registry/tag-mutability";
import { saveRepositorySettingsAction, startImageScanAction } from "@/app/_server/ecr-actions";
import { scanViews } from "@/lib/ecr/scanning/scan-views";
import { ScanFindings } from "@/components/console/scan-findings";
import { ScanProgressWatcher } from "@/components/console/scan-progress-watcher";
import { parseScanQuery, scanHref } from "@/components/console/scan-table-filters";
import { scanInventory } from "@/lib/ecr/scanning/scan-inventory";
import { ConsoleForm } from "@/components/console/console-form";
import { LifecycleEditor } from "@/components/console/lifecycle-editor";
import { RepositoryPolicyEditor } from "@/components/console/repository-policy-editor";

type Props = { params: Promise<{ locale: string; name: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, name } = await params;
  return { title: translator(localeParam(locale))("registry.imagesOf", { name: name.map(decodeURIComponent).join("/") }) };
}

export default async function RepositoryPage({ params, searchParams }: Props) {
  const [{ locale: rawLocale, name: segments }, rawQuery] = await Promise.all([params, searchParams]);
  const locale = localeParam(rawLocale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  const name = segments.map(decodeURIComponent).join("/");
  const deps = getDeps();
  let repo;
  try {
    repo = await getRepositoryOrThrow(deps, user.accountId, name);
  } catch (error) {
    if (isRegistryError(error)) notFound();
    throw error;
  }
  const [images, host, row] = await Promise.all([listImages(deps, { ...repo, accountId: user.accountId }), registryHost(), findRepository(deps, user.accountId, name)]);
  if (!row) notFound();
  const [policies, scans] = await Promise.all([repositoryPolicyTexts(deps, row.id), scanViews(deps, row.id)]);
  const { mutability, filters } = tagMutabilityOf(row);
  const base = `/${locale}/registry/repositories/${name.split("/").map(encodeURIComponent).join("/")}`;
  const query = parseScanQuery(rawQuery);
  // The image whose scan is shown: the one asked for, else the first scanned one, else the first.
  const selected = images.find((i) => i.digest === query.image) ?? images.find((i) => scans.has(i.digest)) ?? images[0];
  const labelOf = (image: { tags: string[]; digest: string }) => (image.tags.length ? image.tags.join(", ") : shortDigest(image.digest));
  const inventory = selected ? await scanInventory(deps, row.id, selected.digest) : null;
  const running = images.filter((i) => scans.get(i.digest)?.status === "IN_PROGRESS").map((i) => ({ digest: i.digest, label: labelOf(i) }));
  const scanButton = (digest: string) => (
    <ConsoleForm action={startImageScanAction} locale={locale} hidden={{ repositoryName: name, digest }}>
      <button type="submit" className="button button-small" data-testid="start-scan">
        {t("scan.start")}
      </button>
    </ConsoleForm>
  );
  return (
    <div className="page">
      <nav className="breadcrumbs">
        <Link href={`/${locale}/registry`}>← {t("registry.back")}</Link>
      </nav>
      <h1>{t("registry.imagesOf", { name })}</h1>
      <p>
        <code>
          {host}/{name}
        </code>
      </p>
      {images.length === 0 ? (
        <>
          <p className="hint">{t("registry.noImages")}</p>
          <CodeBlock labels={{ copy: t("component.copy"), copied: t("component.copied"), failed: t("component.copyFailed") }}>
            <code>{`docker tag my-app:1.0 ${host}/${name}:1.0\ndocker push ${host}/${name}:1.0\n# or\nskopeo copy --dest-tls-verify=false oci:./my-app:1.0 docker://${host}/${name}:1.0`}</code>
          </CodeBlock>
        </>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table" data-testid="images">
            <thead>
              <tr>
                <th scope="col">{t("registry.tags")}</th>
                <th scope="col">{t("registry.digest")}</th>
                <th scope="col">{t("registry.size")}</th>
                <th scope="col">{t("registry.pushedAt")}</th>
                <th scope="col">{t("registry.lastPulled")}</th>
                <th scope="col">{t("scan.column")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("registry.deleteImage")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {images.map((image) => (
                <tr key={image.digest}>
                  <td>{image.tags.length ? image.tags.map((tag) => <code key={tag} className="tag-chip">{tag}</code>) : <span className="hint">{t("registry.untagged")}</span>}</td>
                  <td>
                    <code title={image.digest}>{shortDigest(image.digest)}</code>
                    {image.artifactType && <div className="hint">{image.artifactType}</div>}
                  </td>
                  <td>{formatBytes(image.sizeBytes, locale)}</td>
                  <td>{formatDateTime(image.pushedAt, locale)}</td>
                  <td>{image.lastPulledAt ? formatDateTime(image.lastPulledAt, locale) : "—"}</td>
                  <td>
                    <span className="hint" data-testid="scan-status">{scans.get(image.digest)?.status ?? t("scan.none")}</span>
                    {scans.has(image.digest) && (
                      <div>
                        <Link href={scanHref(base, { image: image.digest })} aria-current={image.digest === selected?.digest ? "true" : undefined} data-testid="show-scan">
                          {t("scanView.showResults")}
                          <span className="visually-hidden"> ({labelOf(image)})</span>
                        </Link>
                      </div>
                    )}
                    {scanButton(image.digest)}
                  </td>
                  <td>
                    <ConfirmForm action={deleteImageAction} fields={{ locale, name, digest: image.digest }} label={t("registry.deleteImage")} confirm={`${t("registry.deleteImage")}: ${shortDigest(image.digest)}?`} testId="delete-image" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {selected && (
        <section aria-labelledby="scan-results" className="console-section">
          <h2 id="scan-results">{t("scan.title")}</h2>
          <p className="hint">{t("scan.lead")}</p>
          <ScanProgressWatcher
            endpoint={`/${locale}/registry/scan-progress?${new URLSearchParams({ repository: name })}`}
            running={running}
            labels={{ progressLabel: t("scanView.progressLabel"), progress: t("scanView.progress"), progressUnknown: t("scanView.progressUnknown"), finished: t("scanView.finished") }}
          />
          <ScanFindings
            locale={locale}
            t={t}
            base={base}
            query={{ ...query, image: selected.digest }}
            imageLabel={labelOf(selected)}
            sbomHref={`/${locale}/registry/sbom?${new URLSearchParams({ repository: name, digest: selected.digest })}`}
            view={scans.get(selected.digest)}
            inventory={inventory}
            scanButton={scanButton(selected.digest)}
          />
        </section>
      )}

      <section aria-labelledby="settings" className="console-section">
        <h2 id="settings">{t("settings.title")}</h2>
        <ConsoleForm action={saveRepositorySettingsAction} locale={locale} hidden={{ repositoryName: name }} testId="repository-settings">
          <div className="form-grid">
            <label className="field">
              <span>{t("settings.mutability")}</span>
              <select name="imageTagMutability" defaultValue={mutability}>
                {TAG_MUTABILITY.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t("settings.exclusions")}</span>
              <input name="exclusions" defaultValue={filters.map((f) => f.filter).join(" ")} aria-describedby="exclusions-hint" />
              <small id="exclusions-hint" className="hint">
                {t("settings.exclusionsHint")}
              </small>
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="scanOnPush" defaultChecked={row.scanOnPush} /> {t("settings.scanOnPush")}
          </label>
          <p>
            {t("settings.encryption")}: <code>{row.encryptionType}</code>
            {row.kmsKey && (
              <>
                {" "}
                <code>{row.kmsKey}</code>
              </>
            )}{" "}
            <span className="hint">({t("settings.encryptionFixed")})</span>
          </p>
          <button type="submit" className="button button-primary">
            {t("settings.save")}
          </button>
        </ConsoleForm>
      </section>

      <section aria-labelledby="lifecycle" className="console-section">
        <h2 id="lifecycle">{t("lifecycle.title")}</h2>
        <p className="hint">{t("lifecycle.lead")}</p>
        {policies.lifecycleEvaluatedAt && (
          <p className="hint">
            {t("lifecycle.lastEvaluated")}: {formatDateTime(policies.lifecycleEvaluatedAt, locale)}
          </p>
        )}
        <LifecycleEditor
          locale={locale}
          repositoryName={name}
          initial={policies.lifecycle ?? ""}
          labels={{
            editor: t("lifecycle.editor"),
            valid: t("lifecycle.valid"),
            save: t("lifecycle.save"),
            preview: t("lifecycle.preview"),
            delete: t("lifecycle.delete"),
            previewTitle: t("lifecycle.previewTitle"),
            previewNone: t("lifecycle.previewNone"),
            previewCount: t("lifecycle.previewCount"),
            rule: t("lifecycle.rule"),
            action: t("lifecycle.action"),
            tags: t("registry.tags"),
            digest: t("registry.digest"),
            pushedAt: t("registry.pushedAt"),
            untagged: t("registry.untagged"),
            builderTitle: t("builder.title"),
            priority: t("builder.priority"),
            description: t("builder.description"),
            tagStatus: t("builder.tagStatus"),
            listKind: t("builder.listKind"),
            prefixes: t("builder.prefixes"),
            patterns: t("builder.patterns"),
            values: t("builder.values"),
            countType: t("builder.countType"),
            countNumber: t("builder.countNumber"),
            add: t("builder.add"),
            addProblem: t("builder.addProblem"),
          }}
        />
      </section>

      <section aria-labelledby="repository-policy" className="console-section">
        <h2 id="repository-policy">{t("repoPolicy.title")}</h2>
        <p className="hint">{t("repoPolicy.lead")}</p>
        <RepositoryPolicyEditor
          locale={locale}
          repositoryName={name}
          accountId={user.accountId}
          initial={policies.repository ?? ""}
          labels={{ editor: t("repoPolicy.editor"), valid: t("lifecycle.valid"), save: t("repoPolicy.save"), delete: t("repoPolicy.delete"), template: t("repoPolicy.template") }}
        />
      </section>
    </div>
  );
}
