// The content checker must reject malformed lessons with the file, lesson id and field named.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLessonCatalog, formatProblem } from "@/lib/content/load-lessons";
import { parseLesson } from "@/lib/content/parse-lesson";

const GOOD_JA = `---
id: sample
title: サンプル
summary: テスト用のサンプルレッスンです。
order: 1
examTopics: [pricing]
minutes: 5
---

はじめに。

## 料金の仕組み {#how-billing-works}

本文。

### ストレージ {#storage}

<KnowledgeCheck question="課金されるのは？" options={["ストレージ", "なし"]} answer={0} explanation="ストレージは課金対象です。" />
`;

const GOOD_EN = GOOD_JA.replace("title: サンプル", "title: Sample")
  .replace("summary: テスト用のサンプルレッスンです。", "summary: A sample lesson for tests.")
  .replace("## 料金の仕組み {#how-billing-works}", "## How billing works {#how-billing-works}")
  .replace("### ストレージ {#storage}", "### Storage {#storage}");

let dir: string;
function writeContent(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), "dockyard-content-"));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, "lessons", rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("lesson content rules", () => {
  it("accepts a well-formed pair of lessons and reads their headings", () => {
    const catalog = loadLessonCatalog(writeContent({ "ja/sample.mdx": GOOD_JA, "en/sample.mdx": GOOD_EN }));
    expect(catalog.problems).toEqual([]);
    expect(catalog.lessons.en[0]?.headings.map((h) => [h.depth, h.id, h.text])).toEqual([
      [2, "how-billing-works", "How billing works"],
      [3, "storage", "Storage"],
    ]);
  });

  it("names file, id and field for malformed frontmatter", () => {
    const bad = GOOD_JA.replace("order: 1", "order: first").replace("examTopics: [pricing]", "examTopics: [cooking]");
    const catalog = loadLessonCatalog(writeContent({ "ja/sample.mdx": bad, "en/sample.mdx": GOOD_EN }));
    const messages = catalog.problems.map(formatProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/lessons\/ja\/sample\.mdx:5 \[sample\] order: /),
        expect.stringMatching(/lessons\/ja\/sample\.mdx:6 \[sample\] examTopics\.0: /),
      ]),
    );
  });

  it("rejects unknown frontmatter keys and an id that differs from the file name", () => {
    const bad = GOOD_JA.replace("id: sample", "id: other\nauthor: me");
    const { problems } = parseLesson("ja/sample.mdx", "sample", "ja", bad);
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(["author"]));
    const { problems: idProblems } = parseLesson("ja/sample.mdx", "sample", "ja", GOOD_JA.replace("id: sample", "id: other"));
    expect(idProblems).toEqual([expect.objectContaining({ id: "other", field: "id", line: 2 })]);
  });

  it("reports a lesson that is missing from one language", () => {
    const catalog = loadLessonCatalog(writeContent({ "ja/sample.mdx": GOOD_JA, "en/.keep": "" }));
    expect(catalog.problems).toEqual([expect.objectContaining({ id: "sample", field: "files", message: expect.stringContaining("content/lessons/en/sample.mdx") })]);
  });

  it("reports heading ids that differ between languages, at the heading's line", () => {
    const en = GOOD_EN.replace("{#storage}", "{#storage-costs}");
    const catalog = loadLessonCatalog(writeContent({ "ja/sample.mdx": GOOD_JA, "en/sample.mdx": en }));
    expect(catalog.problems).toEqual([
      expect.objectContaining({ file: expect.stringContaining("en/sample.mdx"), id: "sample", field: "headings", line: 16, message: expect.stringContaining('"storage-costs"') }),
    ]);
  });

  it("requires an explicit id on every section heading and forbids a # heading", () => {
    const bad = GOOD_JA.replace("## 料金の仕組み {#how-billing-works}", "## 料金の仕組み").replace("はじめに。", "# タイトル");
    const { problems } = parseLesson("ja/sample.mdx", "sample", "ja", bad);
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ["headings", 10],
      ["headings", 12],
    ]);
  });

  it("ignores # lines inside fenced code (shell comments)", () => {
    const withCode = GOOD_JA.replace("本文。", "```bash\n# ログインする\naws ecr get-login-password\n```");
    expect(parseLesson("ja/sample.mdx", "sample", "ja", withCode).problems).toEqual([]);
  });

  it("requires a knowledge check and rejects unknown components", () => {
    const bad = GOOD_JA.replace(/<KnowledgeCheck[^\n]*\n/, "<Quiz />\n");
    const fields = parseLesson("ja/sample.mdx", "sample", "ja", bad).problems.map((p) => p.message);
    expect(fields).toEqual(expect.arrayContaining([expect.stringContaining("<Quiz> is not a lesson component"), expect.stringContaining("at least one <KnowledgeCheck>")]));
  });

  it("reports a duplicate order within one language", () => {
    const second = GOOD_JA.replace("id: sample", "id: second");
    const catalog = loadLessonCatalog(
      writeContent({ "ja/sample.mdx": GOOD_JA, "ja/second.mdx": second, "en/sample.mdx": GOOD_EN, "en/second.mdx": GOOD_EN.replace("id: sample", "id: second") }),
    );
    expect(catalog.problems.filter((p) => p.field === "order").length).toBe(2);
  });
});
