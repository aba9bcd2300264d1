// /{locale}/search?q= — full-text search over the lessons of the current language.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { localeParam } from "@/app/_server/request";
import { search } from "@/lib/content/lessons";
import { translator } from "@/lib/i18n/messages";
import { Highlight } from "@/components/search/highlight";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const QuerySchema = z.string().trim().max(200);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(localeParam((await params).locale))("search.title") };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = localeParam((await params).locale);
  const t = translator(locale);
  const raw = (await searchParams).q;
  const parsed = QuerySchema.safeParse(Array.isArray(raw) ? raw[0] : (raw ?? ""));
  const query = parsed.success ? parsed.data : "";
  const hits = query ? search(locale, query) : [];
  return (
    <div className="page narrow">
      <h1>{t("search.title")}</h1>
      <form role="search" action={`/${locale}/search`} className="search-form">
        <label htmlFor="q" className="visually-hidden">
          {t("search.title")}
        </label>
        <input id="q" name="q" type="search" defaultValue={parsed.success ? query : String(raw).slice(0, 200)} placeholder={t("search.placeholder")} maxLength={200} autoFocus />
        <button type="submit" className="button button-primary">
          {t("search.submit")}
        </button>
      </form>
      {!parsed.success && <p className="form-error" role="alert">{t("search.tooLong")}</p>}
      {!query && parsed.success && <p className="hint">{t("search.hint")}</p>}
      {query && (
        <section aria-live="polite">
          <p className="search-count">{hits.length ? t("search.results", { q: query, n: hits.length }) : t("search.noResults", { q: query })}</p>
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={`${hit.slug}#${hit.headingId ?? ""}`}>
                <Link href={`/${locale}/lessons/${hit.slug}${hit.headingId ? `#${hit.headingId}` : ""}`} className="search-hit-title">
                  {hit.lessonTitle}
                  {hit.headingId && <span className="search-hit-heading"> › {hit.heading}</span>}
                </Link>
                <p className="search-snippet">
                  <Highlight text={hit.snippet} query={query} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
