// Loads the question bank (content/questions/*.yaml). Every problem names the file, the line of
// the offending YAML node, the question id and the field, so an author can jump straight to it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node as YamlNode } from "yaml";
import { QuestionFileSchema, QuestionSchema, type Question } from "./question-schema";
import type { ContentProblem } from "./parse-lesson";
import type { LessonCatalog } from "./load-lessons";

export type LoadedQuestion = Question & { file: string; line: number };
export type QuestionBank = { questions: LoadedQuestion[]; problems: ContentProblem[] };

/** The YAML node at a path of keys and indexes, or the deepest one that exists. */
function nodeAt(doc: Document, keys: (string | number | symbol)[]): YamlNode | null {
  let node: unknown = doc.contents;
  let found: YamlNode | null = (node as YamlNode) ?? null;
  for (const key of keys) {
    if (isMap(node)) node = node.get(String(key), true);
    else if (isSeq(node) && typeof key === "number") node = node.get(key, true);
    else break;
    if (!node) break;
    found = node as YamlNode;
  }
  return found;
}

function lineOf(doc: Document, counter: LineCounter, keys: (string | number | symbol)[]): number {
  const offset = nodeAt(doc, keys)?.range?.[0] ?? 0;
  return counter.linePos(offset).line;
}

function readFile(file: string, label: string, problems: ContentProblem[]): LoadedQuestion[] {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file: label, line: counter.linePos(e.pos[0]).line, id: "-", field: "yaml", message: e.message.split("\n")[0] ?? "invalid YAML" });
    return [];
  }
  const top = QuestionFileSchema.safeParse(doc.toJS());
  if (!top.success) {
    for (const issue of top.error.issues) problems.push({ file: label, line: lineOf(doc, counter, issue.path), id: "-", field: issue.path.join(".") || "file", message: issue.message });
    return [];
  }
  const out: LoadedQuestion[] = [];
  top.data.questions.forEach((raw, index) => {
    const line = lineOf(doc, counter, ["questions", index]);
    const parsed = QuestionSchema.safeParse(raw);
    if (parsed.success) {
      out.push({ ...parsed.data, file: label, line });
      return;
    }
    const id = typeof (raw as { id?: unknown })?.id === "string" ? String((raw as { id: string }).id) : `#${index + 1}`;
    for (const issue of parsed.error.issues) {
      problems.push({ file: label, line: lineOf(doc, counter, ["questions", index, ...issue.path]), id, field: issue.path.join(".") || "question", message: issue.message });
    }
  });
  return out;
}

export function loadQuestionBank(contentDir: string): QuestionBank {
  const dir = path.join(contentDir, "questions");
  const problems: ContentProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  } catch {
    problems.push({ file: "content/questions", line: 1, id: "-", field: "files", message: "the question bank directory is missing" });
  }
  const questions = files.flatMap((f) => readFile(path.join(dir, f), `content/questions/${f}`, problems));
  const seen = new Map<string, LoadedQuestion>();
  for (const q of questions) {
    const first = seen.get(q.id);
    if (first) problems.push({ file: q.file, line: q.line, id: q.id, field: "id", message: `duplicate id: also used at ${first.file}:${first.line}` });
    else seen.set(q.id, q);
  }
  return { questions, problems };
}

/** Every question's lesson link must name an existing lesson heading (in both languages). */
export function checkQuestionLinks(bank: QuestionBank, lessons: LessonCatalog): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const q of bank.questions) {
    const [slug, heading] = q.lesson.split("#");
    for (const locale of ["ja", "en"] as const) {
      const lesson = lessons.lessons[locale].find((l) => l.slug === slug);
      if (!lesson) problems.push({ file: q.file, line: q.line, id: q.id, field: "lesson", message: `no ${locale} lesson "${slug}"` });
      else if (!lesson.headings.some((h) => h.id === heading)) problems.push({ file: q.file, line: q.line, id: q.id, field: "lesson", message: `lesson "${slug}" (${locale}) has no heading #${heading}` });
    }
  }
  return problems;
}
