// Mock exams in Chromium: a short exam answered by keyboard and pointer with a flag, a reload in
// the middle that resumes exactly where the learner was, review-and-submit, the result page with
// its per-topic breakdown and explained answers; and the countdown submitting by itself.
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, startAsGuest } from "./helpers";

async function startShortExam(page: Page, locale: "ja" | "en", count: number, minutes: number) {
  await page.goto(`/${locale}/exam`);
  await page.getByTestId("exam-kind-short").check();
  await page.locator("summary").click();
  await page.locator("#questionCount").fill(String(count));
  await page.locator("#durationMinutes").fill(String(minutes));
  await page.getByTestId("exam-start").click();
  await expect(page.getByTestId("exam-player")).toBeVisible();
}

/** Picks the first option(s) by digit keys: every step for ordering, else as many as asked. */
async function answerByKeyboard(page: Page) {
  const card = page.getByTestId("exam-question");
  const choose = Number(await card.getAttribute("data-choose"));
  for (let i = 1; i <= choose; i++) await page.keyboard.press(String(i));
  await expect(page.getByTestId("exam-save-status")).toHaveAttribute("data-state", "saved");
}

test("a short mock exam: keyboard answers, a flag, a reload that resumes, submit and the result", async ({ page }) => {
  test.setTimeout(60_000);
  await startAsGuest(page, "ja");
  await page.goto("/ja/exam");
  await expect(page.getByRole("heading", { level: 1, name: "模擬試験" })).toBeVisible();
  await expect(page.getByTestId("exam-blueprint")).toContainText("アクセス制御");
  expect(await seriousViolations(page)).toEqual([]);

  // Out-of-range custom values are refused next to the field, and what was typed stays.
  await page.getByTestId("exam-kind-short").check();
  await page.locator("summary").click();
  await page.locator("#questionCount").fill("3");
  await page.getByTestId("exam-start").click();
  await expect(page.locator("#questionCount-error")).toContainText("5〜100");
  await expect(page.locator("#questionCount")).toHaveValue("3");

  await startShortExam(page, "ja", 5, 10);
  await expect(page.getByTestId("exam-timer")).toContainText(/0?9:5\d|10:00/);
  await expect(page.getByTestId("exam-nav-item")).toHaveCount(5);
  await expect(page.getByTestId("exam-question")).toContainText("問題 1 / 5");

  await answerByKeyboard(page); // question 1
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("exam-question")).toHaveAttribute("data-position", "2");
  await page.keyboard.press("f"); // flag question 2, leave it unanswered
  await expect(page.getByTestId("exam-flag")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("exam-save-status")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("exam-next").click();
  await answerByKeyboard(page); // question 3
  expect(await seriousViolations(page)).toEqual([]);

  const nav = page.getByTestId("exam-nav-item");
  await expect(nav.nth(0)).toHaveAttribute("data-answered", "true");
  await expect(nav.nth(1)).toHaveAttribute("data-flagged", "true");
  await expect(nav.nth(1)).toHaveAttribute("data-answered", "false");
  await expect(nav.nth(2)).toHaveAttribute("data-answered", "true");
  const questionThree = await page.getByTestId("exam-question").getAttribute("data-question");
  const picked = await page.locator('[data-testid="exam-question"] [data-testid="review-option"][aria-pressed="true"]').count();

  // Reload: the same question, the same picks, the same flags, the clock still running.
  await page.reload();
  await expect(page).toHaveURL(/\?q=3$/);
  await expect(page.getByTestId("exam-question")).toHaveAttribute("data-question", questionThree!);
  await expect(page.locator('[data-testid="exam-question"] [data-testid="review-option"][aria-pressed="true"]')).toHaveCount(picked);
  await expect(nav.nth(1)).toHaveAttribute("data-flagged", "true");
  await expect(nav.nth(0)).toHaveAttribute("data-answered", "true");

  // The navigator jumps anywhere; review-and-submit counts what is left.
  await nav.nth(4).click();
  await expect(page.getByTestId("exam-question")).toHaveAttribute("data-position", "5");
  await page.getByTestId("exam-review-submit").click();
  const panel = page.getByTestId("exam-submit-panel");
  await expect(panel.getByTestId("exam-unanswered-count")).toHaveText("未回答: 3 問");
  await expect(panel.getByTestId("exam-flagged-count")).toHaveText("見直しマーク: 1 問");
  await panel.getByTestId("exam-flagged-count").click(); // back to the flagged question
  await expect(page.getByTestId("exam-question")).toHaveAttribute("data-position", "2");
  await page.getByTestId("exam-review-submit").click();
  await page.getByTestId("exam-submit").click();

  await expect(page).toHaveURL(/\/ja\/exam\/[^/]+\/result$/);
  await expect(page.getByRole("heading", { level: 1, name: "模擬試験の結果" })).toBeVisible();
  const score = page.getByTestId("exam-score");
  await expect(score).toContainText(/[0-2] \/ 5 問正解/);
  await expect(score).toContainText("不合格"); // at most 2 of 5 can be right: 3 are unanswered
  await expect(score).toContainText("合格ライン 72% (= 4 問以上の正解)");
  await expect(page.getByTestId("exam-by-topic").locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByTestId("exam-reviewed-item")).toHaveCount(5);
  await expect(page.locator('[data-testid="exam-reviewed-item"][data-verdict="unanswered"]')).toHaveCount(3);
  await expect(page.getByTestId("exam-reviewed-item").first().getByTestId("review-why").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("exam-filter-flagged").click();
  await expect(page.getByTestId("exam-reviewed-item")).toHaveCount(1);
  await expect(page.getByTestId("exam-reviewed-item")).toContainText("見直しマーク付き");

  // The exam is over: its player page goes to the result, and the history lists it.
  await page.goBack();
  await page.goto(page.url().replace(/\/result.*$/, ""));
  await expect(page).toHaveURL(/\/result$/);
  await page.goto("/ja/exam");
  await expect(page.getByTestId("exam-history")).toContainText("不合格");
});

test("in English, the countdown submits the exam by itself when the time runs out", async ({ page }) => {
  await page.clock.install();
  await startAsGuest(page, "en");
  await startShortExam(page, "en", 5, 5);
  await expect(page.getByTestId("exam-question")).toContainText("Question 1 of 5");
  await answerByKeyboard(page);
  await page.clock.fastForward("04:56");
  await expect(page.getByTestId("exam-timer")).toHaveClass(/is-low/);
  await page.clock.fastForward("00:10");
  await expect(page).toHaveURL(/\/en\/exam\/[^/]+\/result$/);
  await expect(page.getByTestId("exam-score")).toContainText(/of 5 correct/);
  await expect(page.getByTestId("exam-reviewed-item")).toHaveCount(5);
});
