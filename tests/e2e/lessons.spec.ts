import { expect, test } from "@playwright/test";

test("a lesson reads in Japanese with contents, highlighted code, callouts and a knowledge check", async ({ page }) => {
  await page.goto("/ja/lessons/push-and-pull");
  await expect(page).toHaveTitle(/\| Dockyard$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const toc = page.getByRole("navigation", { name: "このページの内容" });
  await expect(toc.getByRole("link").first()).toBeVisible();

  // Every contents entry points at a heading that exists on the page.
  const hrefs = await toc.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs) await expect(page.locator(`[id="${href!.slice(1)}"]`)).toHaveCount(1);

  await expect(page.locator(".code-block pre code").first()).toBeVisible();
  await expect(page.locator(".code-block .copy-button").first()).toHaveText("コピー");
  await expect(page.locator(".callout-tip").first()).toContainText("試験のポイント");
  await expect(page.locator("figure.diagram svg").first()).toBeVisible();

  const check = page.locator(".knowledge-check").first();
  await check.locator("input[type=radio]").first().check();
  await check.getByRole("button", { name: "答え合わせ" }).click();
  await expect(check.locator(".kc-verdict")).toHaveText(/正解です|不正解です/);
});

test("the same lesson in English has the same heading ids", async ({ page }) => {
  await page.goto("/ja/lessons/lifecycle-policies");
  const jaIds = await page.locator(".prose h2[id], .prose h3[id]").evaluateAll((hs) => hs.map((h) => h.id));
  await page.goto("/en/lessons/lifecycle-policies");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const enIds = await page.locator(".prose h2[id], .prose h3[id]").evaluateAll((hs) => hs.map((h) => h.id));
  expect(enIds.length).toBeGreaterThan(3);
  expect(enIds).toEqual(jaIds);
});

test("the language switch keeps the page and the choice persists", async ({ page }) => {
  await page.goto("/ja/lessons/image-scanning");
  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en\/lessons\/image-scanning$/);
  await expect(page.getByRole("link", { name: "Lessons", exact: true })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/lessons");
  await expect(page).toHaveURL(/\/en\/lessons$/);
  await page.getByRole("link", { name: "日本語に切り替える" }).click();
  await expect(page).toHaveURL(/\/ja\/lessons$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/ja$/);
});

test("previous and next links walk the course; [ and ] do the same from the keyboard", async ({ page }) => {
  await page.goto("/en/lessons/what-is-ecr");
  await expect(page.locator("a[rel=prev]")).toHaveCount(0);
  const next = page.locator("a[rel=next]");
  const nextHref = await next.getAttribute("href");
  await page.keyboard.press("]");
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`));
  await page.keyboard.press("[");
  await expect(page).toHaveURL(/\/en\/lessons\/what-is-ecr$/);
});

test("the skip link moves keyboard focus to the main content", async ({ page }) => {
  await page.goto("/en/lessons");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown lesson is a 404 in the reader's language", async ({ page }) => {
  const ja = await page.goto("/ja/lessons/no-such-lesson");
  expect(ja?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  const en = await page.goto("/en/lessons/no-such-lesson");
  expect(en?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const other = await page.goto("/en/nothing/here");
  expect(other?.status()).toBe(404);
});

test("dark mode can be chosen and survives a reload", async ({ page }) => {
  await page.goto("/en");
  const toggle = page.getByRole("button", { name: /^Theme:/ });
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(15, 20, 25)");
});
