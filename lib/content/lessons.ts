// The lesson catalogue of this process: loaded once, validated, and indexed for search.
import path from "node:path";
import type { Locale } from "../i18n/locales";
import { formatProblem, loadLessonCatalog, type LessonCatalog } from "./load-lessons";
import type { ParsedLesson } from "./parse-lesson";
import { buildSearchIndex, searchLessons, type SearchHit, type SearchIndex } from "./search-index";

export class ContentError extends Error {
  override readonly name = "ContentError";
}

let catalog: LessonCatalog | undefined;
const indexes = new Map<Locale, SearchIndex>();

export function contentDir(): string {
  return path.join(process.cwd(), "content");
}

/** The validated catalogue; throws ContentError listing every problem when content is malformed. */
export function getLessonCatalog(options: { reload?: boolean } = {}): LessonCatalog {
  if (!catalog || options.reload) {
    const loaded = loadLessonCatalog(contentDir());
    if (loaded.problems.length) throw new ContentError(`Lesson content is invalid:\n${loaded.problems.map(formatProblem).join("\n")}`);
    catalog = loaded;
    indexes.clear();
  }
  return catalog;
}

export function listLessons(locale: Locale): ParsedLesson[] {
  return getLessonCatalog().lessons[locale];
}

export function findLesson(locale: Locale, slug: string): ParsedLesson | null {
  return listLessons(locale).find((l) => l.slug === slug) ?? null;
}

/** The lessons before and after `slug` in course order. */
export function neighbours(locale: Locale, slug: string): { previous: ParsedLesson | null; next: ParsedLesson | null } {
  const all = listLessons(locale);
  const i = all.findIndex((l) => l.slug === slug);
  return { previous: i > 0 ? all[i - 1]! : null, next: i >= 0 && i + 1 < all.length ? all[i + 1]! : null };
}

export function search(locale: Locale, query: string, limit?: number): SearchHit[] {
  let index = indexes.get(locale);
  if (!index) {
    index = buildSearchIndex(locale, listLessons(locale));
    indexes.set(locale, index);
  }
  return searchLessons(index, query, limit);
}
