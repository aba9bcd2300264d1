import { describe, expect, it } from "vitest";
import { buildSearchIndex, mdxToText, searchLessons } from "@/lib/content/search-index";
import { parseLesson } from "@/lib/content/parse-lesson";

function lesson(slug: string, title: string, body: string, locale: "ja" | "en" = "ja") {
  const source = `---\nid: ${slug}\ntitle: ${title}\nsummary: Summary of ${title} for tests.\norder: 1\nexamTopics: [pricing]\nminutes: 5\n---\n${body}`;
  const { lesson: parsed } = parseLesson(`${slug}.mdx`, slug, locale, source);
  if (!parsed) throw new Error("fixture did not parse");
  return parsed;
}

const lessons = [
  lesson("lifecycle", "ライフサイクル", "概要です。\n\n## ルールの優先順位 {#priority}\n\nライフサイクルポリシーは古いイメージを自動的に削除します。\n\n## プレビュー {#preview}\n\n適用前に結果を確認できます。\n"),
  lesson("scanning", "イメージスキャン", "## 基本スキャン {#basic}\n\n脆弱性をスキャンします。OS パッケージの CVE を検出します。\n"),
];

describe("searchLessons (ja)", () => {
  const index = buildSearchIndex("ja", lessons);

  it("finds the section that contains the words and links to its heading", () => {
    const hits = searchLessons(index, "古いイメージ");
    expect(hits[0]).toMatchObject({ slug: "lifecycle", headingId: "priority" });
  });

  it("matches inside compound words (bigrams), not only at whitespace", () => {
    expect(searchLessons(index, "サイクル").map((h) => h.slug)).toContain("lifecycle");
    expect(searchLessons(index, "脆弱性")[0]).toMatchObject({ slug: "scanning", headingId: "basic" });
  });

  it("requires every term (AND) and returns nothing for unknown words", () => {
    expect(searchLessons(index, "脆弱性 プレビュー")).toEqual([]);
    expect(searchLessons(index, "存在しない単語")).toEqual([]);
  });

  it("ranks a heading match above a body-only match", () => {
    const hits = searchLessons(index, "プレビュー");
    expect(hits[0]?.headingId).toBe("preview");
  });

  it("makes a snippet around the match", () => {
    const [hit] = searchLessons(index, "CVE");
    expect(hit?.snippet).toContain("CVE");
  });

  it("ignores an empty or punctuation-only query", () => {
    expect(searchLessons(index, "   ")).toEqual([]);
    expect(searchLessons(index, "。、")).toEqual([]);
  });
});

describe("mdxToText", () => {
  it("keeps the text of component attributes and drops markup", () => {
    const text = mdxToText('<KnowledgeCheck question="どれ？" options={["A"]} />\n**太字** と [リンク](./x)');
    expect(text).toContain("どれ？");
    expect(text).toContain("太字");
    expect(text).toContain("リンク");
    expect(text).not.toContain("**");
    expect(text).not.toContain("./x");
  });
});
