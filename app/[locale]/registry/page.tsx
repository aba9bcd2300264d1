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
import { accountClock } from "@/lib/ecr/account-clock";
import { advanceClockAction } from "@/app/_server/ecr-actions";
import { ConsoleForm } from "@/components/console/console-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("registry.title") };
}

export default async function RegistryPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  const deps = getDeps();
  const [repos, host, clock] = await Promise.all([listRepositories(deps, user.accountId), registryHost(), accountClock(deps, user.accountId)]);
  const sandboxNow = clock.now();
  const offsetDays = Math.round((sandboxNow.getTime() - deps.clock.now().getTime()) / 86_400_000);
  return (
    <div className="page">
      <h1>{t("registry.title")}</h1>
      <p className="lead">{t("registry.lead")}</p>
      <div className="panel registry-facts">
        <p>
          {t("registry.uri")}: <code data-testid="registry-host">{host}</code> · {t("account.accountId")}: <code>{user.accountId}</code>
        </p>
        <div className="button-row">
          <Link className="button" href={`/${locale}/registry/login`}>
            {t("registry.loginLink")}
          </Link>
          <Link className="button" href={`/${locale}/registry/credentials`}>
            {t("nav.credentials")}
          </Link>
        </div>
      </div>
      <section className="panel clock-panel" aria-labelledby="clock" data-testid="clock-panel">
        <h2 id="clock">{t("clock.title")}</h2>
        <p className="hint">{t("clock.lead")}</p>
        <p>
          {t("clock.now")}: <time dateTime={sandboxNow.toISOString()} data-testid="sandbox-now">{formatDateTime(sandboxNow, locale)}</time>
          {offsetDays > 0 && <span className="badge">{t("clock.offset", { days: offsetDays })}</span>}
        </p>
        <div className="button-row">
          <ConsoleForm action={advanceClockAction} locale={locale} className="row-form" testId="advance-clock">
            <label>
              {t("clock.days")} <input name="days" type="number" min={1} max={3650} defaultValue={14} required className="input-narrow" />
            </label>{" "}
            <button type="submit" className="button">
              {t("clock.advance")}
            </button>
          </ConsoleForm>
          {offsetDays > 0 && (
            <ConsoleForm action={advanceClockAction} locale={locale} hidden={{ reset: "true" }}>
              <button type="submit" className="button">
                {t("clock.reset")}
              </button>
            </ConsoleForm>
          )}
        </div>
      </section>
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
