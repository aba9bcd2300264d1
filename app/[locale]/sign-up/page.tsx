// /{locale}/sign-up — new account, or (for a guest) the upgrade that keeps their progress.
import type { Metadata } from "next";
import Link from "next/link";
import { signUpAction } from "@/app/_server/auth-actions";
import { localeParam } from "@/app/_server/request";
import { currentUser } from "@/app/_server/session";
import { translator } from "@/lib/i18n/messages";
import { AuthForm } from "@/components/forms/auth-form";
import { redirect } from "next/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("auth.signUpTitle") };
}

export default async function SignUpPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const user = await currentUser();
  if (user && !user.isGuest) redirect(`/${locale}/account`);
  const upgrading = Boolean(user?.isGuest);
  return (
    <div className="page narrow">
      <h1>{upgrading ? t("auth.upgradeTitle") : t("auth.signUpTitle")}</h1>
      {upgrading && <p className="lead">{t("auth.upgradeLead")}</p>}
      <AuthForm
        action={signUpAction}
        locale={locale}
        mode="sign-up"
        next={upgrading ? `/${locale}/account` : undefined}
        labels={{
          email: t("auth.email"),
          password: t("auth.password"),
          passwordHint: t("auth.passwordHint"),
          displayName: t("auth.displayName"),
          submit: upgrading ? t("auth.submitUpgrade") : t("auth.submitSignUp"),
          pending: t("auth.pending"),
        }}
      />
      {!upgrading && (
        <p>
          {t("auth.haveAccount")} <Link href={`/${locale}/sign-in`}>{t("nav.signIn")}</Link>
        </p>
      )}
    </div>
  );
}
