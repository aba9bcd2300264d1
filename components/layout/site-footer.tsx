import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

export function SiteFooter({ locale }: { locale: Locale }) {
  return (
    <footer className="site-footer">
      <p>{translator(locale)("footer.note")}</p>
    </footer>
  );
}
