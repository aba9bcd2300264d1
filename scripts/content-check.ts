// npm run content:check [-- --json] — validates every lesson (frontmatter, heading ids shared by
// both languages, links, MDX syntax, rendering) and every question of the bank (schema, unique
// ids, lesson-heading links).
// Exits 1 when anything is wrong; each problem names the file, line, lesson id and field.
import { loadLessonCatalog, formatProblem } from "@/lib/content/load-lessons";
import { checkLessonLinks } from "@/lib/content/check-links";
import { checkCoverageMap } from "@/lib/content/check-coverage";
import { contentDir } from "@/lib/content/lessons";
import type { ContentProblem } from "@/lib/content/parse-lesson";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { renderLessonHtml } from "@/components/lesson/render-lesson-html";
import { diagrams } from "@/components/diagrams";
import { LOCALES } from "@/lib/i18n/locales";
import { checkQuestionLinks, loadQuestionBank } from "@/lib/content/load-questions";
import { QUESTION_TYPES } from "@/lib/content/question-schema";

async function renderProblems(): Promise<{ problems: ContentProblem[]; catalog: ReturnType<typeof loadLessonCatalog> }> {
  const catalog = loadLessonCatalog(contentDir());
  const problems = [...catalog.problems, ...checkLessonLinks(catalog), ...checkCoverageMap(contentDir(), catalog)];
  for (const locale of LOCALES) {
    for (const lesson of catalog.lessons[locale]) {
      const unknownDiagrams = lesson.components.filter((c) => c.name === "Diagram" && !(((/name="([^"]+)"/.exec(c.props)?.[1]) ?? "") in diagrams));
      for (const c of unknownDiagrams) {
        problems.push({ file: lesson.file, line: c.line, id: lesson.frontmatter.id, field: "components", message: `<Diagram${c.props}> names no diagram registered in components/diagrams/index.ts` });
      }
      if (unknownDiagrams.length) continue;
      try {
        await renderLessonHtml(lesson);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push({ file: lesson.file, line: lesson.bodyStartLine, id: lesson.frontmatter.id, field: "body", message: message.replace(/^\S+:\d+ \[[^\]]+\] body: /, "") });
      }
    }
  }
  return { problems, catalog };
}

const { problems, catalog } = await renderProblems();
const bank = loadQuestionBank(contentDir());
problems.push(...bank.problems, ...checkQuestionLinks(bank, catalog));
if (process.argv.includes("--json")) {
  const lessonsPerLanguage = Object.fromEntries(LOCALES.map((l) => [l, catalog.lessons[l].length]));
  const lessonsPerTopic = Object.fromEntries(EXAM_TOPICS.map((t) => [t, catalog.lessons.ja.filter((l) => l.frontmatter.examTopics.includes(t)).length]));
  const questionsPerTopic = Object.fromEntries(EXAM_TOPICS.map((t) => [t, bank.questions.filter((q) => q.topic === t).length]));
  const questionsPerType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, bank.questions.filter((q) => q.type === t).length]));
  const questions = { total: bank.questions.length, perTopic: questionsPerTopic, perType: questionsPerType };
  console.log(JSON.stringify({ lessonsPerLanguage, lessonsPerTopic, questions, errors: problems }, null, 2));
} else if (problems.length) {
  console.error(problems.map(formatProblem).join("\n"));
  console.error(`\ncontent:check found ${problems.length} problem(s).`);
} else {
  const counts = LOCALES.map((l) => `${catalog.lessons[l].length} ${l}`).join(", ");
  console.log(`content:check: ${counts} lessons, ${bank.questions.length} questions, no problems.`);
}
process.exit(problems.length ? 1 : 0);
