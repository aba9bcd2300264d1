#!/usr/bin/env node
// Screenshots of every page type at desktop and phone widths, light and dark, for a human review.
// Usage: node scripts/screenshots.mjs [baseURL] [outDir]   (the app must be running)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "screenshots";
const PAGES = [
  ["home", "/ja"],
  ["home-en", "/en"],
  ["lessons", "/ja/lessons"],
  ["lesson", "/ja/lessons/lifecycle-policies"],
  ["lesson-diagram", "/ja/lessons/push-and-pull#overview"],
  ["lesson-en", "/en/lessons/security#vpc-endpoints"],
  ["search", "/ja/search?q=" + encodeURIComponent("ライフサイクル")],
  ["sign-up", "/ja/sign-up"],
  ["not-found", "/en/lessons/nope"],
];
// Signed-in pages: a fresh guest per context, with one repository to show.
const CONSOLE_PAGES = [
  ["registry", "/ja/registry"],
  ["credentials", "/ja/registry/credentials"],
  ["repository", "/ja/registry/repositories/demo/app"],
  ["repository-en", "/en/registry/repositories/demo/app"],
];
const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } };

/** The mock exam (start page, a question with a flag and a pick, the submit panel, the result), then the dashboard. */
async function shootExam(page, vpName, scheme) {
  const shot = async (name, fullPage = true) => {
    const file = path.join(out, `${name}-${vpName}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage });
    console.log(file);
  };
  await page.goto(`${base}/ja/exam`);
  await shot("exam-start");
  await page.getByTestId("exam-kind-short").check();
  await page.locator("summary").click();
  await page.locator("#questionCount").fill("6");
  await page.getByTestId("exam-start").click();
  await page.getByTestId("exam-player").waitFor();
  await page.keyboard.press("1");
  await page.keyboard.press("f");
  await page.getByTestId("exam-save-status").and(page.locator('[data-state="saved"]')).waitFor();
  await shot("exam-player", false);
  await page.getByTestId("exam-review-submit").click();
  await shot("exam-submit", false);
  await page.getByTestId("exam-submit").click();
  await page.waitForURL(/result$/);
  await shot("exam-result");
  // The dashboard now has a day of answers (the exam's); the help page explains its numbers.
  await page.goto(`${base}/ja/dashboard`);
  await shot("dashboard");
  await page.goto(`${base}/en/dashboard/help`);
  await shot("dashboard-help");
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
for (const scheme of ["light", "dark"]) {
  for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, locale: "ja-JP", deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, url] of PAGES) {
      await page.goto(base + url);
      await page.waitForLoadState("networkidle");
      const file = path.join(out, `${name}-${vpName}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.goto(`${base}/ja`);
    await page.getByTestId("start-guest").first().click();
    await page.waitForURL(/lessons/);
    await page.goto(`${base}/ja/registry`);
    await page.getByLabel("リポジトリ名").fill("demo/app");
    await page.getByRole("button", { name: "リポジトリを作成" }).click();
    await page.getByRole("link", { name: "demo/app", exact: true }).waitFor();
    for (const [name, url] of CONSOLE_PAGES) {
      await page.goto(base + url);
      await page.waitForLoadState("networkidle");
      const file = path.join(out, `${name}-${vpName}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await shootExam(page, vpName, scheme);
    await context.close();
  }
}
await browser.close();
