// Checks links between lessons ("./slug" and "./slug#heading-id") against the catalogue.
import type { LessonCatalog } from "./load-lessons";
import type { ContentProblem } from "./parse-lesson";

const LESSON_LINK = /\]\(\.\/([a-z0-9-]+)(?:#([a-z0-9-]+))?\)/g;

export function checkLessonLinks(catalog: LessonCatalog): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const lessons of Object.values(catalog.lessons)) {
    const bySlug = new Map(lessons.map((l) => [l.slug, new Set(l.headings.map((h) => h.id))]));
    for (const lesson of lessons) {
      lesson.body.split("\n").forEach((text, i) => {
        for (const m of text.matchAll(LESSON_LINK)) {
          const [, slug = "", headingId] = m;
          const ids = bySlug.get(slug);
          const line = lesson.bodyStartLine + i;
          if (!ids) problems.push({ file: lesson.file, line, id: lesson.frontmatter.id, field: "links", message: `link to unknown lesson "./${slug}"` });
          else if (headingId && !ids.has(headingId))
            problems.push({ file: lesson.file, line, id: lesson.frontmatter.id, field: "links", message: `link to "./${slug}#${headingId}": that lesson has no heading with this id` });
        }
      });
    }
  }
  return problems;
}
