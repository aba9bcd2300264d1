// The shipped lessons: every lesson exists in ja and en, passes the schema, compiles, renders with
// its components, and links only to lessons and headings that exist.
import { describe, expect, it } from "vitest";
import { checkLessonLinks } from "@/lib/content/check-links";
import { checkCoverageMap } from "@/lib/content/check-coverage";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { formatProblem, loadLessonCatalog } from "@/lib/content/load-lessons";
import { contentDir } from "@/lib/content/lessons";
import { renderLessonHtml } from "@/components/lesson/render-lesson-html";
import { LOCALES } from "@/lib/i18n/locales";

const catalog = loadLessonCatalog(contentDir());

describe("course content", () => {
  it("has no schema, language-parity or link problems", () => {
    expect([...catalog.problems, ...checkLessonLinks(catalog), ...checkCoverageMap(contentDir(), catalog)].map(formatProblem)).toEqual([]);
  });

  it("has 12 to 16 lessons per language, the same set in each", () => {
    expect(catalog.lessons.ja.length).toBeGreaterThanOrEqual(12);
    expect(catalog.lessons.ja.length).toBeLessThanOrEqual(16);
    expect(catalog.lessons.en.map((l) => l.slug)).toEqual(catalog.lessons.ja.map((l) => l.slug));
  });

  it("covers every exam topic", () => {
    const covered = new Set(catalog.lessons.ja.flatMap((l) => l.frontmatter.examTopics));
    expect([...EXAM_TOPICS].filter((t) => !covered.has(t))).toEqual([]);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      for (const lesson of catalog.lessons[locale]) {
        it(`${lesson.slug} compiles and renders with its headings, a knowledge check and an exam tip`, async () => {
          const html = await renderLessonHtml(lesson);
          for (const h of lesson.headings) expect(html).toContain(`id="${h.id}"`);
          expect(html).toContain('class="knowledge-check"');
          expect(html).toContain("callout-tip");
          expect(html).not.toMatch(/\{#[a-z0-9-]+\}/); // heading id markers never leak into the page
        });
      }
    });
  }
});
