// Learning days (04:00 in the learner's zone), exam countdown, the stable new-question order, and
// the CSV quoting of the export.
import { describe, expect, it } from "vitest";
import { daysUntil, isValidTimeZone, learningDayStart } from "@/lib/learn/learning-day";
import { newCardOrder } from "@/lib/learn/new-order";
import { buildQuestionCatalog, getQuestionCatalog } from "@/lib/content/questions";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { csvField } from "@/lib/learn/export";
import { formatDueIn } from "@/lib/learn/format-due";

describe("learningDayStart", () => {
  it("starts the day at 04:00 local time", () => {
    // 09:00 UTC = 18:00 in Tokyo: the day began at 04:00 JST = 19:00 UTC the day before.
    expect(learningDayStart(new Date("2026-01-15T09:00:00Z"), "Asia/Tokyo").toISOString()).toBe("2026-01-14T19:00:00.000Z");
    // 02:00 JST still belongs to the previous learning day.
    expect(learningDayStart(new Date("2026-01-15T17:00:00Z"), "Asia/Tokyo").toISOString()).toBe("2026-01-14T19:00:00.000Z");
    expect(learningDayStart(new Date("2026-01-15T19:00:00Z"), "Asia/Tokyo").toISOString()).toBe("2026-01-15T19:00:00.000Z");
    expect(learningDayStart(new Date("2026-01-15T03:59:00Z"), "UTC").toISOString()).toBe("2026-01-14T04:00:00.000Z");
    // Summer time in New York (UTC-4).
    expect(learningDayStart(new Date("2026-07-01T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });

  it("knows valid zones and counts calendar days to the exam", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    const now = new Date("2026-01-15T16:00:00Z"); // 01:00 on the 16th in Tokyo
    expect(daysUntil("2026-01-20", now, "Asia/Tokyo")).toBe(4);
    expect(daysUntil("2026-01-20", now, "UTC")).toBe(5);
    expect(daysUntil("2026-01-16", now, "Asia/Tokyo")).toBe(0);
  });
});

describe("newCardOrder", () => {
  it("round-robins the nine topics, easiest first in each, and covers every question once", () => {
    const catalog = getQuestionCatalog();
    const order = newCardOrder(catalog);
    expect(new Set(order).size).toBe(catalog.all.length);
    const topics = order.slice(0, EXAM_TOPICS.length).map((id) => catalog.byId.get(id)!.topic);
    expect(topics).toEqual([...EXAM_TOPICS]);
    for (const topic of EXAM_TOPICS) {
      const difficulties = order.map((id) => catalog.byId.get(id)!).filter((q) => q.topic === topic).map((q) => q.difficulty);
      expect(difficulties).toEqual([...difficulties].sort((a, b) => a - b));
    }
    expect(newCardOrder(catalog)).toBe(order); // computed once per catalog
  });

  it("keeps bank order on equal difficulty", () => {
    const base = getQuestionCatalog().byTopic.get("pricing")!;
    const picked = [base[2]!, base[0]!, base[1]!].map((q) => ({ ...q, difficulty: 2 }));
    expect(newCardOrder(buildQuestionCatalog(picked))).toEqual(picked.map((q) => q.id));
  });
});

describe("export helpers", () => {
  it("quotes CSV fields per RFC 4180 and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,c")).toBe('"a,c"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(null)).toBe("");
    expect(csvField(-1)).toBe("-1");
    expect(csvField(true)).toBe("true");
  });

  it("says when a card is due in words, in both languages", () => {
    const now = new Date("2026-01-15T09:00:00Z");
    expect(formatDueIn(new Date(now.getTime() + 10 * 60_000), now, "en")).toBe("in 10 minutes");
    expect(formatDueIn(new Date(now.getTime() + 10 * 60_000), now, "ja")).toBe("10 分後");
    expect(formatDueIn(new Date(now.getTime() + 3 * 86_400_000), now, "en")).toBe("in 3 days");
  });
});
