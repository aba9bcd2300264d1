import { describe, expect, it } from "vitest";
import { tokenize } from "@/lib/content/tokenize";

describe("tokenize", () => {
  it("lower-cases and NFKC-normalises Latin words (full-width ＥＣＲ equals ecr)", () => {
    expect(tokenize("Amazon ＥＣＲ get-login-password", "en")).toEqual(["amazon", "ecr", "get", "login", "password"]);
  });

  it("indexes Japanese runs as character bigrams plus single characters", () => {
    const terms = tokenize("脆弱性", "ja");
    expect(terms).toEqual(expect.arrayContaining(["脆弱", "弱性", "脆", "弱", "性"]));
  });

  it("queries use bigrams only, so a substring of a compound word matches", () => {
    const doc = new Set(tokenize("ライフサイクルポリシーで古いイメージを削除します", "ja"));
    for (const term of tokenize("サイクル", "ja", true)) expect(doc.has(term)).toBe(true);
  });

  it("splits mixed Japanese and Latin text at script boundaries", () => {
    const terms = tokenize("ECRのイメージ", "ja", true);
    expect(terms).toContain("ecr");
    expect(terms).toContain("イメ");
    expect(terms).not.toContain("rの");
  });

  it("drops punctuation and whitespace", () => {
    expect(tokenize("「、。」 ... !!", "ja")).toEqual([]);
  });
});
