// Full-text search over the lessons of one language: sections (text under each ## / ### heading)
// are the documents, ranked with BM25; every query term must occur (AND semantics).
import type { Locale } from "../i18n/locales";
import type { ParsedLesson } from "./parse-lesson";
import { normalize, tokenize } from "./tokenize";

export type SearchSection = { slug: string; lessonTitle: string; headingId: string | null; heading: string; text: string };
export type SearchHit = SearchSection & { score: number; snippet: string; matchedTerms: string[] };

export type SearchIndex = {
  locale: Locale;
  sections: SearchSection[];
  postings: Map<string, Map<number, number>>;
  lengths: number[];
  averageLength: number;
};

/** Reduces MDX to readable text: drops JSX tags and markup, keeps words, code and attribute text. */
export function mdxToText(mdx: string): string {
  return mdx
    .replace(/^(`{3,}|~{3,}).*$/gm, " ")
    .replace(/<[A-Za-z][^>]*?\/?>|<\/[A-Za-z][^>]*>/g, (tag) => " " + [...tag.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" ") + " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#|]+/g, " ")
    .replace(/\\\{|\\\}/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

function splitSections(lesson: ParsedLesson): SearchSection[] {
  const lines = lesson.body.split("\n");
  const sections: SearchSection[] = [];
  let current: { headingId: string | null; heading: string; from: number } = { headingId: null, heading: lesson.frontmatter.title, from: 0 };
  const push = (to: number) => {
    const text = mdxToText(lines.slice(current.from, to).join("\n"));
    const intro = current.headingId === null ? `${lesson.frontmatter.summary} ` : "";
    sections.push({ slug: lesson.slug, lessonTitle: lesson.frontmatter.title, headingId: current.headingId, heading: current.heading, text: intro + text });
  };
  for (const h of lesson.headings) {
    const index = h.line - lesson.bodyStartLine;
    push(index);
    current = { headingId: h.id, heading: h.text, from: index + 1 };
  }
  push(lines.length);
  return sections;
}

export function buildSearchIndex(locale: Locale, lessons: ParsedLesson[]): SearchIndex {
  const sections = lessons.flatMap(splitSections);
  const postings = new Map<string, Map<number, number>>();
  const lengths: number[] = [];
  sections.forEach((section, docIndex) => {
    // The heading counts three times: a match in a title is a strong signal.
    const terms = tokenize(`${section.heading} ${section.heading} ${section.heading} ${section.text}`, locale);
    lengths.push(terms.length);
    for (const term of terms) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = new Map()));
      posting.set(docIndex, (posting.get(docIndex) ?? 0) + 1);
    }
  });
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { locale, sections, postings, lengths, averageLength };
}

function snippet(text: string, query: string, terms: string[], width = 90): string {
  const haystack = normalize(text);
  const needles = [normalize(query.trim()), ...query.trim().split(/\s+/).map(normalize), ...terms].filter(Boolean);
  let at = -1;
  for (const n of needles) {
    at = haystack.indexOf(n);
    if (at >= 0) break;
  }
  if (at < 0) return text.slice(0, width * 2) + (text.length > width * 2 ? "…" : "");
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + width);
  return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
}

/** Sections containing every term of the query, best first (BM25, k1 = 1.2, b = 0.75). */
export function searchLessons(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const terms = [...new Set(tokenize(query.slice(0, 200), index.locale, true))];
  if (terms.length === 0) return [];
  const lists = terms.map((t) => index.postings.get(t));
  if (lists.some((l) => !l)) return [];
  const [shortest, ...rest] = [...(lists as Map<number, number>[])].sort((a, b) => a.size - b.size);
  const n = index.sections.length;
  const hits: SearchHit[] = [];
  for (const doc of shortest!.keys()) {
    if (!rest.every((l) => l.has(doc))) continue;
    let score = 0;
    for (const list of lists as Map<number, number>[]) {
      const tf = list.get(doc) ?? 0;
      const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
      score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * (index.lengths[doc]! / index.averageLength)));
    }
    const section = index.sections[doc]!;
    if (normalize(section.text).includes(normalize(query.trim()))) score *= 1.5; // exact phrase
    hits.push({ ...section, score, snippet: snippet(section.text, query, terms), matchedTerms: terms });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
