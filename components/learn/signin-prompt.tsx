// What anonymous visitors of a learner page see: the page's title and purpose, then a choice to
// start as a guest (coming back to this page) or to sign in.
import Link from "next/link";
import { GuestStartButton } from "@/components/forms/guest-start-button";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";

type Props = { locale: Locale; t: Translate; title: string; lead: string; prompt: string; next: string; testId: string };

export function SignInPrompt({ locale, t, title, lead, prompt, next, testId }: Props) {
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      <div className="panel review-signin" data-testid={testId}>
        <p>{prompt}</p>
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
