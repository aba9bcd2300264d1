// Anonymous visitors of the exam pages: start as a guest (and come back here) or sign in.
import Link from "next/link";
import { GuestStartButton } from "@/components/forms/guest-start-button";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";

export function ExamSignInPrompt({ locale, t, next }: { locale: Locale; t: Translate; next: string }) {
  return (
    <div className="page narrow">
      <h1>{t("exam.title")}</h1>
      <p className="lead">{t("exam.lead")}</p>
      <div className="panel review-signin" data-testid="exam-signin">
        <p>{t("exam.signInPrompt")}</p>
        <div className="button-row">
          <GuestStartButton locale={locale} label={t("home.startGuest")} next={next} />
          <Link className="button" href={`/${locale}/sign-in`}>
            {t("nav.signIn")}
          </Link>
        </div>
      </div>
    </div>
  );
}
