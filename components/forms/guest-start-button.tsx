// "Start as guest": a plain form posting to a server action, so it works before hydration too.
import { startAsGuestAction } from "@/app/_server/auth-actions";
import type { Locale } from "@/lib/i18n/locales";

export function GuestStartButton({ locale, label, next, className = "button button-primary" }: { locale: Locale; label: string; next?: string; className?: string }) {
  return (
    <form action={startAsGuestAction}>
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <button type="submit" className={className} data-testid="start-guest">
        {label}
      </button>
    </form>
  );
}
