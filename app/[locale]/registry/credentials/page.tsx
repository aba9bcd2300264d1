// /{locale}/registry/credentials — access keys for the aws CLI, a ready ~/.aws config, the
// learner's practice IAM users with their policies and keys, and the policy simulator.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { registryHost } from "@/app/_server/host";
import { createAccessKeyAction, createIamUserAction, deleteAccessKeyAction, updateIamUserAction } from "@/app/_server/ecr-actions";
import { getDeps } from "@/lib/core/deps";
import { listAccessKeys, type AccessKeyWithSecret } from "@/lib/auth/access-keys";
import { listIamUsers } from "@/lib/ecr/iam-users";
import { MANAGED_POLICIES } from "@/lib/ecr/iam";
import { translator, type Translate } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { CodeBlock } from "@/components/lesson/code-block";
import { ConsoleForm } from "@/components/console/console-form";
import { SimulatorForm } from "@/components/console/simulator-form";
import { formatDateTime } from "@/components/registry/format";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("credentials.title") };
}

function copyLabels(t: Translate) {
  return { copy: t("component.copy"), copied: t("component.copied"), failed: t("component.copyFailed") };
}

function KeyTable({ keys, locale, t, testId }: { keys: AccessKeyWithSecret[]; locale: Locale; t: Translate; testId: string }) {
  if (!keys.length) return <p className="hint">{t("credentials.none")}</p>;
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("credentials.accessKeyId")}</th>
            <th scope="col">{t("credentials.secret")}</th>
            <th scope="col">{t("credentials.created")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("credentials.delete")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.accessKeyId}>
              <td>
                <code data-testid="access-key-id">{k.accessKeyId}</code>
              </td>
              <td>
                <details>
                  <summary>{t("credentials.secret")}</summary>
                  <code data-testid="secret-access-key">{k.secretAccessKey}</code>
                </details>
              </td>
              <td>{formatDateTime(k.createdAt, locale)}</td>
              <td>
                <ConsoleForm action={deleteAccessKeyAction} locale={locale} hidden={{ accessKeyId: k.accessKeyId }}>
                  <button type="submit" className="button button-small">
                    {t("credentials.delete")}
                  </button>
                </ConsoleForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function CredentialsPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  const deps = getDeps();
  const [keys, users, host] = await Promise.all([listAccessKeys(deps, user.accountId), listIamUsers(deps, user.accountId), registryHost()]);
  const userKeys = await Promise.all(users.map((u) => listAccessKeys(deps, user.accountId, u.id)));
  const endpoint = `http://${host}`;
  const first = keys[0];
  const config = [
    "# ~/.aws/credentials",
    "[dockyard]",
    `aws_access_key_id = ${first?.accessKeyId ?? "<access key id>"}`,
    `aws_secret_access_key = ${first?.secretAccessKey ?? "<secret access key>"}`,
    "",
    "# ~/.aws/config",
    "[profile dockyard]",
    `region = ${user.region}`,
    "output = json",
    "# aws CLI 2.13 and later read this; older versions need --endpoint-url on every command",
    `endpoint_url = ${endpoint}`,
  ].join("\n");
  const tryIt = [
    `aws ecr create-repository --repository-name demo/app --endpoint-url ${endpoint} --profile dockyard`,
    `aws ecr get-login-password --endpoint-url ${endpoint} --profile dockyard | skopeo login --tls-verify=false --username AWS --password-stdin ${host}`,
    `aws ecr describe-images --repository-name demo/app --endpoint-url ${endpoint} --profile dockyard`,
  ].join("\n");
  const managed = Object.keys(MANAGED_POLICIES);
  return (
    <div className="page">
      <nav className="breadcrumbs">
        <Link href={`/${locale}/registry`}>← {t("registry.back")}</Link>
      </nav>
      <h1>{t("credentials.title")}</h1>
      <p className="lead">{t("credentials.lead")}</p>

      <section aria-labelledby="root-keys">
        <h2 id="root-keys">{t("credentials.rootKeys")}</h2>
        <KeyTable keys={keys} locale={locale} t={t} testId="root-keys" />
        <div className="button-row">
          <ConsoleForm action={createAccessKeyAction} locale={locale}>
            <button type="submit" className="button button-primary" data-testid="create-key">
              {t("credentials.create")}
            </button>
          </ConsoleForm>
          {keys.length > 0 && (
            <ConsoleForm action={createAccessKeyAction} locale={locale} hidden={{ rotate: "true" }}>
              <button type="submit" className="button">
                {t("credentials.rotate")}
              </button>
            </ConsoleForm>
          )}
        </div>
        <h3>{t("credentials.configTitle")}</h3>
        <p className="hint">{t("credentials.configLead")}</p>
        <CodeBlock labels={copyLabels(t)}>
          <code data-testid="aws-config">{config}</code>
        </CodeBlock>
        <h3>{t("credentials.tryIt")}</h3>
        <CodeBlock labels={copyLabels(t)}>
          <code>{tryIt}</code>
        </CodeBlock>
      </section>

      <section aria-labelledby="iam-users">
        <h2 id="iam-users">{t("iam.title")}</h2>
        <p className="hint">{t("iam.lead")}</p>
        {users.length === 0 && <p className="hint">{t("iam.none")}</p>}
        {users.map((u, i) => (
          <article key={u.id} className="panel iam-user" data-testid={`iam-user-${u.name}`}>
            <h3>
              {u.name} <code className="hint">arn:aws:iam::{user.accountId}:user/{u.name}</code>
            </h3>
            <h4>{t("iam.policies")}</h4>
            <ul className="policy-list">
              {u.policies.map((p) => (
                <li key={p.name}>
                  <code>{p.name}</code> <span className="badge">{p.managed ? t("iam.managed") : t("iam.inlineTag")}</span>
                  <ConsoleForm action={updateIamUserAction} locale={locale} hidden={{ iamUser: u.name, intent: "detach", policyName: p.name }} className="row-form">
                    <button type="submit" className="button button-small">
                      {t("iam.detach")}
                    </button>
                  </ConsoleForm>
                </li>
              ))}
            </ul>
            <ConsoleForm action={updateIamUserAction} locale={locale} hidden={{ iamUser: u.name, intent: "attach" }} className="row-form">
              <label>
                {t("iam.managedPolicy")}{" "}
                <select name="managedPolicy" defaultValue={managed[0]}>
                  {managed.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </label>{" "}
              <button type="submit" className="button button-small">
                {t("iam.attach")}
              </button>
            </ConsoleForm>
            <details>
              <summary>{t("iam.inline")}</summary>
              <ConsoleForm action={updateIamUserAction} locale={locale} hidden={{ iamUser: u.name, intent: "inline" }}>
                <label className="field">
                  <span>{t("iam.policyName")}</span>
                  <input name="policyName" required maxLength={128} defaultValue="inline" />
                </label>
                <label className="field">
                  <span>{t("iam.document")}</span>
                  <textarea name="document" rows={8} className="code-input" spellCheck={false} defaultValue={'{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": "*" }\n  ]\n}'} />
                </label>
                <button type="submit" className="button button-small">
                  {t("iam.save")}
                </button>
              </ConsoleForm>
            </details>
            <h4>{t("iam.keys")}</h4>
            <KeyTable keys={userKeys[i] ?? []} locale={locale} t={t} testId={`keys-${u.name}`} />
            <div className="button-row">
              <ConsoleForm action={createAccessKeyAction} locale={locale} hidden={{ iamUser: u.name }}>
                <button type="submit" className="button button-small" data-testid={`create-key-${u.name}`}>
                  {t("iam.createKey")}
                </button>
              </ConsoleForm>
              <ConsoleForm action={updateIamUserAction} locale={locale} hidden={{ iamUser: u.name, intent: "delete" }}>
                <button type="submit" className="button button-small button-danger">
                  {t("iam.deleteUser")}
                </button>
              </ConsoleForm>
            </div>
          </article>
        ))}
        <ConsoleForm action={createIamUserAction} locale={locale} className="row-form" testId="create-iam-user">
          <label>
            {t("iam.userName")} <input name="name" required maxLength={64} pattern="[\w+=,.@\-]{1,64}" />
          </label>{" "}
          <label>
            {t("iam.managedPolicy")}{" "}
            <select name="managedPolicy" defaultValue="">
              <option value="">{t("iam.noPolicy")}</option>
              {managed.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>{" "}
          <button type="submit" className="button">
            {t("iam.createUser")}
          </button>
        </ConsoleForm>
      </section>

      <section aria-labelledby="simulator">
        <h2 id="simulator">{t("sim.title")}</h2>
        <p className="hint">{t("sim.lead")}</p>
        <SimulatorForm
          locale={locale}
          users={users.map((u) => u.name)}
          labels={{
            principal: t("sim.principal"),
            root: t("sim.root"),
            action: t("sim.action"),
            repository: t("sim.repository"),
            run: t("sim.run"),
            decidedBy: t("sim.decidedBy"),
            matched: t("sim.matched"),
            decisions: { Allow: t("sim.Allow"), ExplicitDeny: t("sim.ExplicitDeny"), ImplicitDeny: t("sim.ImplicitDeny") },
          }}
        />
      </section>
    </div>
  );
}
