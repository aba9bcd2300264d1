// /{locale}/registry — the learner's repositories: list, create, delete, and how to log in.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { registryHost } from "@/app/_server/host";
import { deleteRepositoryAction } from "@/app/_server/registry-actions";
import { getDeps } from "@/lib/core/deps";
import { listRepositories } from "@/lib/registry/repositories";
import { translator } from "@/lib/i18n/messages";
import { CreateRepositoryForm } from "@/components/registry/create-repository-form";
import { ConfirmForm } from "@/components/registry/confirm-form";
import { formatBytes, formatDateTime } from "@/components/registry/format";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("registry.title") };
}

export default async function RegistryPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  const [repos, host] = await Promise.all([listRepositories(getDeps(), user.accountId), registryHost()]);
  return (
    <div className="page">
      <h1>{t("registry.title")}</h1>
      <p className="lead">{t("registry.lead")}</p>
      <div className="panel registry-facts">
        <p>
          {t("registry.uri")}: <code data-testid="registry-host">{host}</code> · {t("account.accountId")}: <code>{user.accountId}</code>
        </p>
        <Link className="button" href={`/${locale}/registry/login`}>
          {t("registry.loginLink")}
        </Link>
      </div>
      <h2>{t("registry.repositories")}</h2>
      {repos.length === 0 ? (
        <p className="hint">{t("registry.empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table" data-testid="repositories">
            <thead>
              <tr>
                <th scope="col">{t("registry.name")}</th>
                <th scope="col">{t("registry.images")}</th>
                <th scope="col">{t("registry.size")}</th>
                <th scope="col">{t("registry.created")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("registry.delete")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {repos.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/${locale}/registry/repositories/${r.name}`}>{r.name}</Link>
                    <div className="hint">
                      <code>
                        {host}/{r.name}
                      </code>
                    </div>
                  </td>
                  <td>{r.imageCount}</td>
                  <td>{formatBytes(r.sizeBytes, locale)}</td>
                  <td>{formatDateTime(r.createdAt, locale)}</td>
                  <td>
                    <ConfirmForm
                      action={deleteRepositoryAction}
                      fields={{ locale, name: r.name, force: r.imageCount > 0 ? "true" : "false" }}
                      label={r.imageCount > 0 ? t("registry.deleteRepoForce") : t("registry.delete")}
                      confirm={`${r.imageCount > 0 ? t("registry.deleteRepoForce") : t("registry.delete")}: ${r.name}?`}
                      testId={`delete-repo-${r.name}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("registry.create")}</h2>
      <CreateRepositoryForm locale={locale} labels={{ name: t("registry.name"), hint: t("registry.nameHint"), submit: t("registry.create"), pending: t("auth.pending") }} />
    </div>
  );
}
