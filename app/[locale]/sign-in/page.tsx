// /{locale}/sign-in
import type { Metadata } from "next";
import Link from "next/link";
import { signInAction } from "@/app/_server/auth-actions";
import { localeParam } from "@/app/_server/request";
import { translator } from "@/lib/i18n/messages";
import { AuthForm } from "@/components/forms/auth-form";
import { GuestStartButton } from "@/components/forms/guest-start-button";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("auth.signInTitle") };
}

export default async function SignInPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  return (
    <div className="page narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <AuthForm action={signInAction} locale={locale} mode="sign-in" labels={{ email: t("auth.email"), password: t("auth.password"), submit: t("auth.submitSignIn"), pending: t("auth.pending") }} />
      <p>
        {t("auth.noAccount")} <Link href={`/${locale}/sign-up`}>{t("nav.signUp")}</Link>
      </p>
      <div className="divider">
        <p>{t("auth.orGuest")}</p>
        <GuestStartButton locale={locale} label={t("home.startGuest")} className="button" />
      </div>
    </div>
  );
}
