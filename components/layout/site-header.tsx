// The top bar: brand, main navigation, language, theme and account controls.
import Link from "next/link";
import { currentUser } from "@/app/_server/session";
import { signOutAction } from "@/app/_server/auth-actions";
import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./language-switch";
import { ThemeToggle } from "./theme-toggle";
import type { Theme } from "./theme";

export async function SiteHeader({ locale, theme }: { locale: Locale; theme: Theme }) {
  const t = translator(locale);
  const user = await currentUser();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={`/${locale}`} className="brand">
          <span className="brand-mark" aria-hidden="true">⚓</span> {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <Link href={`/${locale}/lessons`}>{t("nav.lessons")}</Link>
          <Link href={`/${locale}/search`}>{t("nav.search")}</Link>
          {user && <Link href={`/${locale}/review`}>{t("nav.review")}</Link>}
          {user && <Link href={`/${locale}/exam`}>{t("nav.exam")}</Link>}
          {user && <Link href={`/${locale}/dashboard`}>{t("nav.dashboard")}</Link>}
          {user && <Link href={`/${locale}/registry`}>{t("nav.registry")}</Link>}
        </nav>
        <div className="header-tools">
          <LanguageSwitch locale={locale} label={t("lang.switchLabel")} text={t("lang.switch")} />
          <ThemeToggle initial={theme} labels={{ label: t("theme.label"), system: t("theme.system"), light: t("theme.light"), dark: t("theme.dark") }} />
          {user ? (
            <>
              <Link href={`/${locale}/account`} className="account-link">
                {user.isGuest ? t("account.guest") : (user.displayName ?? user.email ?? t("nav.account"))}
              </Link>
              <form action={signOutAction}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          ) : (
            <Link href={`/${locale}/sign-in`} className="account-link">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
