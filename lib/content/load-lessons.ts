// Loads every lesson of every language and checks that the languages agree with each other.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "../i18n/locales";
import { parseLesson, type ContentProblem, type ParsedLesson } from "./parse-lesson";

export type LessonCatalog = {
  /** Lessons per language, in course order. */
  lessons: Record<Locale, ParsedLesson[]>;
  problems: ContentProblem[];
};

function readLocale(contentDir: string, locale: Locale, problems: ContentProblem[]): ParsedLesson[] {
  const dir = path.join(contentDir, "lessons", locale);
  if (!existsSync(dir)) {
    problems.push({ file: dir, line: 1, id: "-", field: "files", message: `missing folder for language "${locale}"` });
    return [];
  }
  const out: ParsedLesson[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".mdx")).sort()) {
    const file = path.join(dir, name);
    const slug = name.slice(0, -".mdx".length);
    const { lesson, problems: found } = parseLesson(path.relative(process.cwd(), file), slug, locale, readFileSync(file, "utf8"));
    problems.push(...found);
    if (lesson) out.push(lesson);
  }
  const byOrder = new Map<number, string>();
  for (const l of out) {
    const other = byOrder.get(l.frontmatter.order);
    if (other) problems.push({ file: l.file, line: 1, id: l.frontmatter.id, field: "order", message: `order ${l.frontmatter.order} is also used by "${other}"` });
    byOrder.set(l.frontmatter.order, l.frontmatter.id);
  }
  return out.sort((a, b) => a.frontmatter.order - b.frontmatter.order);
}

/** Every language must have the same lessons, with the same id, order, topics and heading ids. */
function compareLanguages(lessons: Record<Locale, ParsedLesson[]>, problems: ContentProblem[]): void {
  const [primary, ...others] = LOCALES;
  const base = new Map(lessons[primary].map((l) => [l.slug, l]));
  for (const locale of others) {
    const here = new Map(lessons[locale].map((l) => [l.slug, l]));
    for (const [slug, a] of base) {
      const b = here.get(slug);
      if (!b) {
        problems.push({ file: a.file, line: 1, id: a.frontmatter.id, field: "files", message: `no ${locale} version: add content/lessons/${locale}/${slug}.mdx` });
        continue;
      }
      for (const field of ["order", "minutes"] as const) {
        if (a.frontmatter[field] !== b.frontmatter[field])
          problems.push({ file: b.file, line: 1, id: b.frontmatter.id, field, message: `is ${b.frontmatter[field]} but ${a.frontmatter[field]} in ${primary}` });
      }
      if (a.frontmatter.examTopics.join() !== b.frontmatter.examTopics.join())
        problems.push({ file: b.file, line: 1, id: b.frontmatter.id, field: "examTopics", message: `differs from ${primary} (${a.frontmatter.examTopics.join(", ")})` });
      const idsA = a.headings.map((h) => h.id);
      const idsB = b.headings.map((h) => h.id);
      const length = Math.max(idsA.length, idsB.length);
      for (let i = 0; i < length; i++) {
        if (idsA[i] !== idsB[i]) {
          const line = b.headings[i]?.line ?? b.bodyStartLine;
          problems.push({ file: b.file, line, id: b.frontmatter.id, field: "headings", message: `heading #${i + 1} has id "${idsB[i] ?? "(none)"}" but "${idsA[i] ?? "(none)"}" in ${primary}: heading ids must match across languages` });
          break;
        }
      }
    }
    for (const [slug, b] of here) {
      if (!base.has(slug)) problems.push({ file: b.file, line: 1, id: b.frontmatter.id, field: "files", message: `no ${primary} version: add content/lessons/${primary}/${slug}.mdx` });
    }
  }
}

export function loadLessonCatalog(contentDir: string): LessonCatalog {
  const problems: ContentProblem[] = [];
  const lessons = Object.fromEntries(LOCALES.map((l) => [l, readLocale(contentDir, l, problems)])) as Record<Locale, ParsedLesson[]>;
  compareLanguages(lessons, problems);
  return { lessons, problems };
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line} [${p.id}] ${p.field}: ${p.message}`;
}
