// /{locale}/registry/login — issue a 12-hour registry password and show the login commands.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { registryHost } from "@/app/_server/host";
import { translator } from "@/lib/i18n/messages";
import { TokenForm } from "@/components/registry/token-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("registry.loginTitle") };
}

export default async function RegistryLoginPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  if (!(await currentUser())) redirect(`/${locale}/sign-in`);
  const host = await registryHost();
  return (
    <div className="page narrow">
      <nav className="breadcrumbs">
        <Link href={`/${locale}/registry`}>← {t("registry.back")}</Link>
      </nav>
      <h1>{t("registry.loginTitle")}</h1>
      <p className="lead">{t("registry.loginLead")}</p>
      <TokenForm
        locale={locale}
        host={host}
        labels={{
          issue: t("registry.issueToken"),
          pending: t("auth.pending"),
          expires: t("registry.tokenExpires"),
          docker: t("registry.dockerLogin"),
          skopeo: t("registry.skopeoLogin"),
          once: t("registry.tokenOnce"),
          copy: { copy: t("component.copy"), copied: t("component.copied"), failed: t("component.copyFailed") },
        }}
      />
    </div>
  );
}
