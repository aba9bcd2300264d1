import { expect, test } from "@playwright/test";

test("Japanese search finds a compound word and links to the section", async ({ page }) => {
  await page.goto("/ja/search");
  await page.getByRole("searchbox").fill("ライフサイクル");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/\/ja\/search\?q=/);
  const results = page.locator(".search-results li");
  await expect(results.first()).toBeVisible();
  await expect(page.locator(".search-results a[href*='/ja/lessons/lifecycle-policies']").first()).toBeVisible();
  await expect(page.locator(".search-results mark").first()).toHaveText("ライフサイクル");

  // A part of a word matches too (bigrams): "脆弱" inside "脆弱性".
  await page.goto("/ja/search?q=" + encodeURIComponent("脆弱"));
  await expect(page.locator(".search-results a[href*='/ja/lessons/image-scanning']").first()).toBeVisible();

  // Following a hit lands on the heading.
  const link = page.locator(".search-results a").first();
  const href = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[?#]/g, "\\$&")}$`));
});

test("English search ranks results and says so when nothing matches", async ({ page }) => {
  await page.goto("/en/search?q=get-login-password");
  await expect(page.locator(".search-count")).toContainText("results for “get-login-password”");
  await expect(page.locator(".search-results a[href*='/en/lessons/push-and-pull']").first()).toBeVisible();
  await page.goto("/en/search?q=zzzyyyxxx");
  await expect(page.locator(".search-count")).toHaveText("Nothing matches “zzzyyyxxx”. Try another or a shorter word.");
});

test("an over-long query gets a clear message, not an error page", async ({ page }) => {
  const res = await page.goto("/en/search?q=" + "a".repeat(500));
  expect(res?.status()).toBe(200);
  await expect(page.locator(".form-error")).toHaveText("Please keep the search to 200 characters.");
});
