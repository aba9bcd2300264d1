// /{locale}/account — who you are, your sandbox identity, and the guest upgrade.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { translator } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("account.title") };
}

export default async function AccountPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  const date = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="page narrow">
      <h1>{t("account.title")}</h1>
      <dl className="facts" data-testid="account-facts">
        <dt>{t("account.email")}</dt>
        <dd>{user.email ?? t("account.guest")}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{user.isGuest ? t("account.guest") : t(`role.${user.role}`)}</dd>
        <dt>{t("account.memberSince")}</dt>
        <dd>{date.format(user.createdAt)}</dd>
      </dl>
      <h2>{t("account.sandbox")}</h2>
      <dl className="facts">
        <dt>{t("account.accountId")}</dt>
        <dd>
          <code data-testid="account-id">{user.accountId}</code>
        </dd>
        <dt>{t("account.region")}</dt>
        <dd>
          <code>{user.region}</code>
        </dd>
      </dl>
      {user.isGuest && (
        <aside className="banner">
          <p>{t("home.guestBanner")}</p>
          <Link className="button button-primary" href={`/${locale}/sign-up`}>
            {t("home.createAccount")}
          </Link>
        </aside>
      )}
    </div>
  );
}
