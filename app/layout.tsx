// Root layout: <html lang> follows the URL's language; the theme cookie is applied server-side
// so dark mode never flashes.
import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "./_server/request";
import { THEME_COOKIE, parseTheme } from "@/components/layout/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await requestLocale());
  return {
    title: { default: `${t("app.name")} — ${t("app.tagline")}`, template: `%s | ${t("app.name")}` },
    description: t("home.lead"),
    applicationName: t("app.name"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1419" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const t = translator(locale);
  return (
    <html lang={locale} data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skipToContent")}
        </a>
        <SiteHeader locale={locale} theme={theme} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
