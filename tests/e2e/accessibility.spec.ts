// axe-core on every page type, light and dark: no serious or critical violations.
import { expect, test } from "@playwright/test";
import { seriousViolations, startAsGuest } from "./helpers";

const PUBLIC_PAGES = ["/ja", "/en", "/ja/lessons", "/ja/lessons/lifecycle-policies", "/en/lessons/access-control", "/ja/search?q=ECR", "/en/search?q=zzzz", "/ja/sign-in", "/en/sign-up", "/ja/lessons/missing"];

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of PUBLIC_PAGES) {
      test(`axe: ${path}`, async ({ page }) => {
        await page.goto(path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test("axe: signed-in pages (home with progress, lesson with completion, account)", async ({ page }) => {
  test.setTimeout(90_000); // four full axe runs
  await startAsGuest(page, "ja");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("complete-toggle").click();
  await page.goto("/ja");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/ja/account");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/ja/sign-up");
  expect(await seriousViolations(page)).toEqual([]);
});

test("axe: a knowledge check after answering, and form errors", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/en/lessons/what-is-ecr");
  const check = page.locator(".knowledge-check").first();
  await check.locator("input[type=radio]").first().check();
  await check.getByRole("button", { name: "Check answer" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/en/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("axe: registry console pages (list with a repository, login with a token, repository)", async ({ page }) => {
  test.setTimeout(90_000);
  await startAsGuest(page, "ja");
  await page.goto("/ja/registry");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("リポジトリ名").fill("axe/check");
  await page.getByRole("button", { name: "リポジトリを作成" }).click();
  await expect(page.getByTestId("repositories")).toContainText("axe/check");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/ja/registry/repositories/axe/check");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/ja/registry/login");
  await page.getByTestId("issue-token").click();
  await expect(page.getByTestId("docker-login")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`axe: ECR console pages (${theme}): clock, credentials with a key and an IAM user, repository settings and editors`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await startAsGuest(page, "ja");
    await page.goto("/ja/registry");
    await page.getByLabel("リポジトリ名").fill("axe/console");
    await page.getByRole("button", { name: "リポジトリを作成" }).click();
    await expect(page.getByTestId("repositories")).toContainText("axe/console");
    await page.getByTestId("advance-clock").getByRole("button", { name: "時計を進める" }).click();
    await expect(page.getByTestId("advance-clock").getByText("時計を 14 日進めました")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/ja/registry/credentials");
    await page.getByTestId("create-key").click();
    await expect(page.getByTestId("root-keys")).toBeVisible();
    await page.getByTestId("create-iam-user").getByLabel("ユーザー名").fill("reader");
    await page.getByTestId("create-iam-user").getByRole("button", { name: "ユーザーを作成" }).click();
    await expect(page.getByTestId("iam-user-reader")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/ja/registry/repositories/axe/console");
    await page.getByTestId("lifecycle-json").fill("{");
    await expect(page.locator("#lifecycle-problem")).not.toBeEmpty();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
