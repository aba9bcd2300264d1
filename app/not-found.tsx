// 404 in the visitor's language (the locale comes from the URL via proxy.ts).
import Link from "next/link";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "./_server/request";

export default async function NotFound() {
  const locale = await requestLocale();
  const t = translator(locale);
  return (
    <div className="page narrow not-found">
      <p className="eyebrow">404</p>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.lead")}</p>
      <p>
        <Link className="button button-primary" href={`/${locale}/lessons`}>
          {t("notFound.back")}
        </Link>
      </p>
    </div>
  );
}
