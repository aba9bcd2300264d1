import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [undefined, "ja"],
    ["", "ja"],
    ["en-US,en;q=0.9", "en"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["fr-FR,en;q=0.5,ja;q=0.9", "ja"],
    ["fr-FR,de;q=0.8", "ja"],
    ["en;q=0", "ja"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("translator", () => {
  it("fills placeholders in each language", () => {
    expect(translator("en")("lessons.progress", { done: 3, total: 16 })).toBe("3 of 16 lessons completed");
    expect(translator("ja")("lessons.progress", { done: 3, total: 16 })).toBe("3 / 16 レッスン完了");
  });
});
