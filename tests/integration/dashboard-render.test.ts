// The dashboard's server components rendered to HTML from a real learner's data, in both
// languages: the numbers the page shows, the links it offers, and no placeholder left unfilled.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import DashboardHelpPage from "@/app/[locale]/dashboard/help/page";
import { ExamReadiness } from "@/components/dashboard/exam-readiness";
import { ForecastChart } from "@/components/dashboard/forecast-chart";
import { probabilityPercent } from "@/components/dashboard/format";
import { ReviewHeatmap } from "@/components/dashboard/review-heatmap";
import { SummaryCards } from "@/components/dashboard/summary-cards";
import { TopicMasteryTable } from "@/components/dashboard/topic-mastery";
import { createGuest } from "@/lib/auth/users";
import { getQuestionCatalog } from "@/lib/content/questions";
import { EXAM_TOPICS } from "@/lib/content/lesson-schema";
import { translator } from "@/lib/i18n/messages";
import { answerShowing } from "@/lib/learn/answer";
import type { ReviewDeps } from "@/lib/learn/review-deps";
import { loadReview } from "@/lib/learn/review-flow";
import { saveReviewSettings } from "@/lib/learn/settings";
import { loadDashboard, type Dashboard } from "@/lib/learn/stats/dashboard";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps("2026-04-01T01:00:00Z");
const rd: ReviewDeps = { ...env.deps, questions: getQuestionCatalog() };
afterAll(() => env.cleanup());

function renderAll(data: Dashboard, locale: "ja" | "en"): string {
  const t = translator(locale);
  return [
    createElement(SummaryCards, { data, locale, t }),
    createElement(ExamReadiness, { exam: data.exam, examDateSet: data.settings.examDate !== null, newPerDay: data.settings.newPerDay, locale, t }),
    createElement(ForecastChart, { forecast: data.forecast, locale, t }),
    createElement(ReviewHeatmap, { days: data.heatmap, locale, t }),
    createElement(TopicMasteryTable, { topics: data.topics, locale, t }),
  ]
    .map((element) => renderToStaticMarkup(element))
    .join("\n");
}

async function answerFive(userId: string) {
  for (let i = 0; i < 5; i++) {
    const view = await loadReview(rd, userId, { mode: "review", topic: null });
    if (view.kind !== "question") throw new Error("expected a question");
    await answerShowing(rd, userId, { showingId: view.showingId, questionId: view.question.id, chosen: view.question.answer, confidence: "sure", durationMs: 2000 });
  }
}

describe("dashboard components", () => {
  it("render a new learner's empty state with a prompt to set the exam date", async () => {
    const { id } = await createGuest(rd, "ja");
    const html = renderAll(await loadDashboard(rd, id), "ja");
    expect(html).toContain("新しい問題 あと 20 問");
    expect(html).toContain("過去 1 年の回答はまだありません。");
    expect(html).toContain('href="/ja/review/settings"');
    expect(html).toContain("データ不足");
    expect(html).not.toMatch(/\{\w+\}/);
  });

  it("render the numbers, links and readiness of a learner with an exam date, in ja and en", async () => {
    const { id } = await createGuest(rd, "ja");
    await answerFive(id);
    await saveReviewSettings(rd, id, { desiredRetention: "0.9", newPerDay: "20", examDate: "2026-04-29", timeZone: "Asia/Tokyo" });
    const data = await loadDashboard(rd, id);
    expect(data.exam).not.toBeNull();
    const ja = renderAll(data, "ja");
    const en = renderAll(data, "en");
    for (const html of [ja, en]) {
      expect(html).not.toMatch(/\{\w+\}/);
      for (const topic of EXAM_TOPICS) expect(html).toContain(`/review?topic=${topic}`);
      expect(html.match(/class="dash-cell level-/g)?.length).toBe(365 + 5); // a year plus the legend
      expect(html).toContain(`data-probability="${data.exam!.readiness.probability.toFixed(4)}"`);
    }
    expect(ja).toContain("新しい問題 あと 15 問");
    expect(ja).toContain("これまでの回答 5 件");
    expect(ja).toContain("試験日までの計画");
    expect(ja).toContain(`1 日あたり約 ${data.exam!.plan.reviewsPerDay} 回の回答`);
    // Five questions known, the rest at chance level: far from the pass mark, and never "0%".
    expect(data.exam!.readiness.probability).toBeGreaterThan(0);
    expect(data.exam!.readiness.probability).toBeLessThan(0.01);
    expect(ja).toContain("合格する確率 &lt; 1%");
    expect(ja).toContain("このままでは合格が難しい");
    expect(en).toContain("15 new left today");
    expect(en).toContain("(28 days left)");
    expect(en).toContain(`About ${data.exam!.plan.reviewsPerDay} answers a day`);
    // Five questions seen in all, and the heatmap's cell for today says so.
    expect(data.topics.reduce((s, t) => s + t.seen, 0)).toBe(5);
    expect(en).toMatch(/title="[^"]*: 5 answers" data-day="2026-04-01" data-count="5"/);
  });
});

describe("the help page", () => {
  it("explains the method with the full exam's numbers, in ja and en", async () => {
    const ja = renderToStaticMarkup(await DashboardHelpPage({ params: Promise.resolve({ locale: "ja" }) }));
    const en = renderToStaticMarkup(await DashboardHelpPage({ params: Promise.resolve({ locale: "en" }) }));
    for (const html of [ja, en]) expect(html).not.toMatch(/\{\w+\}/);
    expect(ja).toContain("合格ライン (72%、65 問中 47 問)");
    expect(ja).toContain("ポアソン二項分布");
    expect(en).toContain("the pass mark (72 %: 47 of 65)");
    expect(en).toContain('href="/en/dashboard"');
  });
});

describe("probability wording", () => {
  it("never rounds to certainty", () => {
    expect(probabilityPercent(0.003, "en")).toBe("< 1%");
    expect(probabilityPercent(0, "en")).toBe("0%");
    expect(probabilityPercent(0.996, "en")).toBe("> 99%");
    expect(probabilityPercent(1, "en")).toBe("100%");
    expect(probabilityPercent(0.724, "ja")).toBe("72%");
  });
});
