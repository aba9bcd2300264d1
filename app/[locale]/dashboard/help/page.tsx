// /{locale}/dashboard/help — what each dashboard number means and how it is computed.
import type { Metadata } from "next";
import Link from "next/link";
import { localeParam } from "@/app/_server/request";
import { translator } from "@/lib/i18n/messages";
import { EXAM_FORMATS } from "@/lib/learn/blueprint";
import { neededToPass } from "@/lib/learn/exam/score";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("help.title") };
}

const SECTIONS = [
  ["help.fsrsTitle", ["help.fsrs"]],
  ["help.masteryTitle", ["help.mastery"]],
  ["help.retentionTitle", ["help.retention"]],
  ["help.readinessTitle", ["help.readiness1", "help.readiness2", "help.readiness3", "help.readinessCaveat"]],
  ["help.planTitle", ["help.plan"]],
  ["help.calendarTitle", ["help.calendar"]],
] as const;

export default async function DashboardHelpPage({ params }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  // The help quotes the same exam format the readiness uses, so the two cannot drift apart.
  const { questionCount, passPercent } = EXAM_FORMATS.full;
  const exam = { count: questionCount, percent: passPercent, needed: neededToPass(questionCount, passPercent) };
  return (
    <article className="page narrow prose" data-testid="dash-help">
      <h1>{t("help.title")}</h1>
      <p className="lead">{t("help.lead")}</p>
      {SECTIONS.map(([title, paragraphs]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          {paragraphs.map((p) => (
            <p key={p}>{t(p, exam)}</p>
          ))}
        </section>
      ))}
      <p>
        <Link href={`/${locale}/dashboard`}>{t("help.back")}</Link>
      </p>
    </article>
  );
}
