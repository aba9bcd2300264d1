// Review sessions in Chromium: a guest reviews by keyboard alone in Japanese and finishes with a
// summary, an English topic drill, settings validation, the anonymous prompt and the export.
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, startAsGuest } from "./helpers";

/** Picks by digits only: 1 for single answers, 1..n for multiple response and ordering. */
async function pickByKeyboard(page: Page) {
  const card = page.getByTestId("review-question");
  const choose = Number(await card.getAttribute("data-choose"));
  for (let i = 1; i <= choose; i++) await page.keyboard.press(String(i));
}

async function setNewPerDay(page: Page, locale: "ja" | "en", n: number) {
  await page.goto(`/${locale}/review/settings`);
  await page.locator("#newPerDay").fill(String(n));
  await page.locator("#newPerDay").press("Enter");
  await expect(page.getByTestId("settings-saved")).toBeVisible();
}

test("a guest reviews by keyboard alone in Japanese, reads the feedback and finishes with a summary", async ({ page }) => {
  test.setTimeout(60_000); // three questions, three accessibility scans and the export
  await startAsGuest(page, "ja");
  await expect(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "復習" })).toBeVisible();
  await setNewPerDay(page, "ja", 3);
  await page.goto("/ja/review");
  await expect(page.getByRole("heading", { level: 1, name: "復習" })).toBeVisible();
  await expect(page.getByText("キーボード操作")).toBeVisible();
  await expect(page.getByTestId("review-progress")).toContainText("0 / 3 問");

  const submitKeys = ["Enter", "Enter", "g"];
  for (const [i, key] of submitKeys.entries()) {
    const card = page.getByTestId("review-question");
    await expect(card).toBeVisible();
    const options = await page.getByTestId("review-option").count();
    await pickByKeyboard(page);
    if (i === 0) expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press(key);

    const feedback = page.getByTestId("review-feedback");
    await expect(feedback).toBeVisible();
    if (i === 0) expect(await seriousViolations(page)).toEqual([]);
    await expect(feedback.locator(".review-verdict")).toHaveText(/正解|不正解/);
    await expect(feedback.getByTestId("review-why")).toHaveCount(options);
    await expect(feedback.getByRole("heading", { name: "選択肢ごとの解説" })).toBeVisible();
    await expect(feedback.getByRole("heading", { name: "解説", exact: true })).toBeVisible();
    await expect(feedback.locator(".review-why.is-answer").first()).toBeVisible();
    await expect(feedback.getByTestId("review-lesson-link")).toHaveAttribute("href", /^\/ja\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/);
    await expect(feedback.getByTestId("review-next-due")).toContainText("次回の出題:");
    if (key === "g") await expect(feedback).toContainText("記録した評価: もう一度");
    await expect(page.getByTestId("review-progress")).toContainText(`${i + 1} / 3 問`);
    await expect(page.getByTestId("review-continue")).toBeFocused();

    await page.keyboard.press(i === 1 ? "Enter" : "Space");
    await expect(feedback).toBeHidden();
  }

  const summary = page.getByTestId("review-summary");
  await expect(summary.getByRole("heading", { name: "セッションのまとめ" })).toBeVisible();
  await expect(summary.getByTestId("summary-answered")).toHaveText("3 問");
  await expect(summary.getByTestId("summary-correct")).toHaveText(/^(0|33|67|100)%$/);
  await expect(summary.getByTestId("summary-ratings")).toContainText("もう一度");
  expect(await seriousViolations(page)).toEqual([]);

  // The log of those three answers downloads as CSV and JSON.
  const csv = await page.request.get("/ja/review/export?format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="dockyard-reviews-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^reviewed_at,question_id,mode,/);
  expect(lines).toHaveLength(4);
  const json = await page.request.get("/ja/review/export?format=json");
  expect(json.headers()["content-type"]).toContain("application/json");
  expect(((await json.json()) as { reviews: unknown[] }).reviews).toHaveLength(3);
});

test("a topic drill in English stays on its topic and links to the lesson heading", async ({ page }) => {
  await startAsGuest(page, "en");
  await page.goto("/en/review");
  await page.getByTestId("drill-pricing").click();
  await expect(page).toHaveURL(/\/en\/review\?topic=pricing$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Topic drill: Pricing");
  const card = page.getByTestId("review-question");
  await expect(card.locator(".topic-chip")).toHaveText("Pricing");
  const first = await card.getAttribute("data-showing");

  await pickByKeyboard(page);
  await page.keyboard.press("u");
  const feedback = page.getByTestId("review-feedback");
  await expect(feedback.locator(".review-verdict")).toHaveText(/Correct|Incorrect/);
  await expect(feedback).toContainText("Why each option is right or wrong");
  await expect(feedback).toContainText(/Recorded rating: (Again|Hard)/);
  await expect(feedback.getByTestId("review-next-due")).toContainText("Next review: in ");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("review-question")).not.toHaveAttribute("data-showing", first ?? "");
  await expect(page.getByTestId("review-question").locator(".topic-chip")).toHaveText("Pricing");

  await pickByKeyboard(page);
  await page.keyboard.press("Enter");
  const link = page.getByTestId("review-lesson-link");
  const href = (await link.getAttribute("href")) ?? "";
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[#?]/g, "\\$&")}$`));
  await expect(page.locator(`[id="${href.split("#")[1]}"]`)).toBeVisible();
});

test("settings show validation errors next to their fields and keep what was typed", async ({ page }) => {
  await startAsGuest(page, "ja");
  await page.goto("/ja/review/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("復習の設定");
  await page.getByLabel("目標正答率（desired retention）").fill("0.5");
  await page.getByLabel("1 日に出題する新しい問題の数").fill("500");
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.locator("#desiredRetention-error")).toHaveText("目標正答率は 0.70〜0.97 の数値で入力してください。");
  await expect(page.locator("#newPerDay-error")).toHaveText("新しい問題の数は 0〜200 の整数で入力してください。");
  await expect(page.locator("#desiredRetention")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#desiredRetention")).toHaveValue("0.5");

  await page.getByLabel("目標正答率（desired retention）").fill("0.85");
  await page.getByLabel("1 日に出題する新しい問題の数").fill("10");
  await page.getByLabel("試験日（任意）").fill("2030-03-15");
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByTestId("settings-saved")).toHaveText("設定を保存しました。");
  await expect(page.locator("#desiredRetention-error")).toHaveCount(0);
  await page.reload();
  await expect(page.locator("#desiredRetention")).toHaveValue("0.85");
  await expect(page.locator("#newPerDay")).toHaveValue("10");
  await page.goto("/ja/review");
  await expect(page.getByTestId("exam-countdown")).toContainText("試験まであと");
});

test("anonymous visitors are asked to start as a guest, and land back on the review", async ({ page }) => {
  await page.goto("/ja/review?topic=image-scanning");
  await expect(page.getByTestId("review-signin")).toContainText("ゲストとして始めるかサインイン");
  expect((await page.request.get("/ja/review/export?format=csv")).status()).toBe(401);
  await page.getByTestId("review-signin").getByTestId("start-guest").click();
  await expect(page).toHaveURL(/\/ja\/review\?topic=image-scanning$/);
  await expect(page.getByTestId("review-question").locator(".topic-chip")).toHaveText("イメージスキャン");
});
