import { expect, test } from "@playwright/test";
import { startAsGuest } from "./helpers";

test("/ sends a Japanese visitor to /ja and an English browser to /en", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/ja$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const english = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
  const p2 = await english.newPage();
  await p2.goto("/");
  await expect(p2).toHaveURL(/\/en$/);
  await english.close();
});

test("a guest starts studying in one click and sees progress after completing a lesson", async ({ page }) => {
  await startAsGuest(page, "ja");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "ゲスト" })).toBeVisible();

  await page.getByTestId("complete-toggle").click();
  await expect(page.getByTestId("complete-toggle")).toHaveText("完了を取り消す");

  await page.goto("/ja/lessons");
  await expect(page.getByTestId("lessons-progress")).toContainText(/1 \/ 1[2-6] レッスン完了/);
  const firstCard = page.locator(".lesson-card").first();
  await expect(firstCard).toContainText("完了");
  await expect(page.locator(".lesson-card").nth(1)).toContainText("未読");

  // Opening another lesson marks it "in progress".
  const recorded = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/ja/lessons/"));
  await page.locator(".lesson-card").nth(1).getByRole("link").click();
  await expect(page.locator("article.lesson h1")).toBeVisible();
  await recorded; // the view is recorded once the page is on screen
  await page.goto("/ja/lessons");
  await expect(page.locator(".lesson-card").nth(1)).toContainText("学習中");

  // Undo completion.
  await page.goto("/ja/lessons/what-is-ecr");
  await page.getByTestId("complete-toggle").click();
  await expect(page.getByTestId("complete-toggle")).toHaveText("このレッスンを完了にする");
});

test("a guest upgrades to a full account and keeps their progress", async ({ page }) => {
  await startAsGuest(page, "en");
  await page.getByTestId("complete-toggle").click();
  await expect(page.getByTestId("complete-toggle")).toHaveText("Mark as not complete");
  await page.goto("/en/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Turn your guest session into an account");
  const email = `upgrade-${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and keep progress" }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByTestId("account-facts")).toContainText(email);

  // Sign out and back in: the completed lesson is still there.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/en/lessons");
  await expect(page.getByTestId("lessons-progress")).toContainText(/1 of 1[2-6] lessons completed/);
});
