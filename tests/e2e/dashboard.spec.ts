// The study dashboard in Chromium: a new learner's empty state, the numbers after a few answers,
// readiness and the plan once an exam date is set, the help page, a phone in dark mode, and axe in
// both languages.
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, startAsGuest } from "./helpers";

async function answerOne(page: Page) {
  const card = page.getByTestId("review-question");
  await expect(card).toBeVisible();
  const choose = Number(await card.getAttribute("data-choose"));
  for (let i = 1; i <= choose; i++) await page.keyboard.press(String(i));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-feedback")).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("review-feedback")).toBeHidden();
}

test("a learner's dashboard: empty at first, then answers, streak, mastery, readiness and the plan", async ({ page }) => {
  test.setTimeout(60_000);
  await startAsGuest(page, "ja");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "ダッシュボード" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "学習ダッシュボード" })).toBeVisible();
  await expect(page.getByTestId("dash-empty")).toBeVisible();
  await expect(page.getByTestId("dash-empty").getByRole("link", { name: "最初の問題に答える" })).toHaveAttribute("href", "/ja/review");
  await expect(page.getByTestId("dash-new")).toHaveText("新しい問題 あと 20 問");
  await expect(page.getByTestId("dash-readiness")).toContainText("試験日を設定すると");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/ja/review");
  for (let i = 0; i < 3; i++) await answerOne(page);

  await page.goto("/ja/dashboard");
  await expect(page.getByTestId("dash-empty")).toBeHidden();
  await expect(page.getByTestId("dash-total")).toHaveText("これまでの回答 3 件");
  await expect(page.getByTestId("dash-new")).toHaveText("新しい問題 あと 17 問");
  await expect(page.getByTestId("dash-streak")).toContainText("1 日");
  await expect(page.getByTestId("dash-heatmap-summary")).toContainText("1 日で合計 3 件回答しました");
  const seen = page.getByTestId("dash-mastery").locator("tbody td.num");
  const counts = await seen.allTextContents();
  expect(counts.map((c) => Number(c.split("/")[0])).reduce((a, b) => a + b, 0)).toBe(3);

  // An exam date brings readiness and a plan.
  const exam = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.goto("/ja/review/settings");
  await page.locator("#examDate").fill(exam);
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await page.goto("/ja/dashboard");
  await expect(page.getByTestId("dash-pass-probability")).toContainText("合格する確率");
  expect(Number(await page.getByTestId("dash-pass-probability").getAttribute("data-probability"))).toBeLessThan(0.05);
  await expect(page.getByTestId("dash-plan")).toContainText("1 日あたり約");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "計算方法の説明" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "ダッシュボードの計算方法" })).toBeVisible();
  await expect(page.getByTestId("dash-help")).toContainText("ポアソン二項分布");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/en/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Study dashboard" })).toBeVisible();
  await expect(page.getByTestId("dash-total")).toHaveText("3 answers so far");
  await expect(page.getByTestId("dash-pass-probability")).toContainText("Chance of passing");
  expect(await seriousViolations(page)).toEqual([]);
});

test("fits a phone in dark mode: no page-wide horizontal scroll, the heatmap scrolls in its own box", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await startAsGuest(page, "ja");
  await page.goto("/ja/review");
  await answerOne(page);
  const exam = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.goto("/ja/review/settings");
  await page.locator("#examDate").fill(exam);
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  for (const locale of ["ja", "en"] as const) {
    await page.goto(`/${locale}/dashboard`);
    await expect(page.getByTestId("dash-plan")).toBeVisible();
    const widths = await page.evaluate(() => {
      const box = document.querySelector(".dash-heatmap-scroll");
      return { page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, heatmap: box ? box.scrollWidth - box.clientWidth : -1 };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.heatmap).toBeGreaterThan(0); // a year of weeks is wider than a phone
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test("anonymous visitors are asked to start as a guest or sign in", async ({ page }) => {
  await page.goto("/en/dashboard");
  await expect(page.getByTestId("dash-signin")).toContainText("To see your dashboard");
});
