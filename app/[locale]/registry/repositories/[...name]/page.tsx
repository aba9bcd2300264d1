// /{locale}/registry/repositories/{name} — the images of one repository, with delete.
import type { Metadata } from "next";
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

type Props = { params: Promise<{ locale: string; name: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, name } = await params;
  return { title: translator(localeParam(locale))("registry.imagesOf", { name: name.map(decodeURIComponent).join("/") }) };
}

export default async function RepositoryPage({ params }: Props) {
  const { locale: rawLocale, name: segments } = await params;
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
  const [images, host] = await Promise.all([listImages(deps, { ...repo, accountId: user.accountId }), registryHost()]);
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
                    <ConfirmForm action={deleteImageAction} fields={{ locale, name, digest: image.digest }} label={t("registry.deleteImage")} confirm={`${t("registry.deleteImage")}: ${shortDigest(image.digest)}?`} testId="delete-image" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
