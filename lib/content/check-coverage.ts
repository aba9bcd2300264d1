// Checks content/lessons/COVERAGE.md: every `slug#heading-id` it names must exist.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LessonCatalog } from "./load-lessons";
import type { ContentProblem } from "./parse-lesson";

export function checkCoverageMap(contentDir: string, catalog: LessonCatalog): ContentProblem[] {
  const file = path.join(contentDir, "lessons", "COVERAGE.md");
  const rel = path.relative(process.cwd(), file);
  if (!existsSync(file)) return [{ file: rel, line: 1, id: "-", field: "coverage", message: "the coverage map is missing" }];
  const ids = new Map(catalog.lessons.ja.map((l) => [l.slug, new Set(l.headings.map((h) => h.id))]));
  const problems: ContentProblem[] = [];
  readFileSync(file, "utf8").split("\n").forEach((text, i) => {
    if (!text.startsWith("|")) return;
    for (const m of text.matchAll(/\b([a-z0-9-]+)#([a-z0-9-]+)\b/g)) {
      const [ref, slug = "", heading = ""] = m;
      if (!ids.get(slug)?.has(heading)) problems.push({ file: rel, line: i + 1, id: slug, field: "coverage", message: `"${ref}" names no existing lesson heading` });
    }
  });
  return problems;
}
