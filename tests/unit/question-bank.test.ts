// The question bank as content: it loads without problems, covers the nine exam topics and the
// notes' Q&A, keeps Japanese and English in step, and the checker points authors at the line.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestionBank, checkQuestionLinks } from "@/lib/content/load-questions";
import { loadLessonCatalog } from "@/lib/content/load-lessons";
import { contentDir } from "@/lib/content/lessons";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { QUESTION_TYPES } from "@/lib/content/question-schema";

const bank = loadQuestionBank(contentDir());
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("the question bank", () => {
  it("loads with no problems and every lesson link resolves", () => {
    expect(bank.problems).toEqual([]);
    expect(checkQuestionLinks(bank, loadLessonCatalog(contentDir()))).toEqual([]);
  });

  it("has at least 150 questions, at least 12 per exam topic, and every question type", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(150);
    for (const topic of EXAM_TOPICS) expect(bank.questions.filter((q) => q.topic === topic).length, topic).toBeGreaterThanOrEqual(12);
    for (const type of QUESTION_TYPES) expect(bank.questions.some((q) => q.type === type), type).toBe(true);
  });

  it("includes every Q&A of the notes' exam section (§8.9)", () => {
    const fromNotes = bank.questions.filter((q) => q.fromNotes).map((q) => q.topic).sort();
    expect(fromNotes).toEqual(["access-control", "docker-support", "image-scanning", "pricing", "what-ecr-provides"]);
  });

  it("keeps Japanese and English in step: same structure, each written in its own language", () => {
    for (const q of bank.questions) {
      const texts = (locale: "ja" | "en") => [q[locale].case, q[locale].stem, q[locale].explanation, ...q.options.flatMap((o) => [o[locale].text, o[locale].why])].filter((t): t is string => t !== undefined);
      expect(texts("ja").length, q.id).toBe(texts("en").length);
      expect(JAPANESE.test(q.ja.stem) && JAPANESE.test(q.ja.explanation), `${q.id}: ja text is Japanese`).toBe(true);
      for (const o of q.options) expect(JAPANESE.test(o.ja.why), `${q.id}/${o.key}: ja why is Japanese`).toBe(true);
      for (const text of texts("en")) expect(JAPANESE.test(text), `${q.id}: en text has no Japanese: ${text.slice(0, 60)}`).toBe(false);
    }
  });

  it("never refers to options by letter or offers 'all of the above' (options are shuffled)", () => {
    for (const q of bank.questions) {
      for (const o of q.options) {
        expect(o.en.text, q.id).not.toMatch(/all of the above|none of the above|\boption [a-h]\b/i);
        expect(o.ja.text, q.id).not.toMatch(/上記すべて|上記のいずれも/);
      }
    }
  });
});

describe("the checker", () => {
  it("names the file, line, question id and field of each problem", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dockyard-qbank-"));
    mkdirSync(path.join(dir, "questions"));
    writeFileSync(
      path.join(dir, "questions", "bad.yaml"),
      ["questions:", "  - id: bad-one", "    type: multiple", "    topic: pricing", "    difficulty: 5", "    lesson: pricing#x", "    ja: { stem: 短い, explanation: 説明です説明です説明です説明です説明です }", "    en: { stem: Short one here, explanation: An explanation that is long enough. }", "    options: []", "    answer: [z]", ""].join("\n"),
    );
    const result = loadQuestionBank(dir);
    const fields = result.problems.map((p) => `${p.file}:${p.line} [${p.id}] ${p.field}`);
    expect(fields).toContain("content/questions/bad.yaml:5 [bad-one] difficulty");
    expect(fields).toContain("content/questions/bad.yaml:9 [bad-one] options");
    expect(fields.some((f) => f.startsWith("content/questions/bad.yaml:7 [bad-one] ja.stem"))).toBe(true);
  });
});
