import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./helpers";

test("sign up shows field-level errors, keeps what was typed, then creates the account", async ({ page }) => {
  await page.goto("/ja/sign-up");
  await page.getByLabel("メールアドレス").fill("not-an-email");
  await page.getByLabel("パスワード").fill("short");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.locator("#email-error")).toHaveText("メールアドレスの形式が正しくありません。");
  await expect(page.locator("#password-error")).toHaveText("パスワードは 10 文字以上にしてください。");
  await expect(page.getByLabel("メールアドレス")).toHaveValue("not-an-email");
  await expect(page.getByLabel("メールアドレス")).toHaveAttribute("aria-invalid", "true");

  const email = uniqueEmail("signup");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("a long enough password");
  await page.getByLabel("表示名（任意）").fill("花子");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page).toHaveURL(/\/ja$/);
  await expect(page.getByRole("link", { name: "花子" })).toBeVisible();

  // The same email cannot register twice.
  await page.getByRole("button", { name: "サインアウト" }).click();
  await page.goto("/ja/sign-up");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("a long enough password");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.locator("#email-error")).toHaveText("このメールアドレスはすでに登録されています。");
});

test("sign in rejects a wrong password, accepts the right one, and sign out ends the session", async ({ page, context }) => {
  const email = uniqueEmail("signin");
  await page.goto("/en/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/en$/);

  const cookie = (await context.cookies()).find((c) => c.name === "dockyard_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "dockyard_session")).toBeUndefined();

  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error")).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("repeated failed sign-ins are rate limited with a clear message", async ({ page }) => {
  const email = uniqueEmail("ratelimit");
  await page.goto("/en/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-error")).toHaveText("Email or password is incorrect.");
  }
  await page.getByLabel("Password").fill("wrong password again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error")).toContainText("Too many failed attempts");
});

test("the account page shows the sandbox identity and requires a session", async ({ page }) => {
  await page.goto("/en/account");
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await page.goto("/en");
  await page.getByTestId("start-guest").first().click();
  await page.goto("/en/account");
  await expect(page.getByTestId("account-id")).toHaveText(/^\d{12}$/);
  await expect(page.getByText("us-east-1")).toBeVisible();
});

test("a cross-site form post cannot sign anyone out or in (server actions check Origin)", async ({ request }) => {
  const res = await request.post("/en/sign-in", {
    headers: { Origin: "https://evil.example", "Next-Action": "x", "Content-Type": "application/x-www-form-urlencoded" },
    data: "email=a%40b.c&password=x",
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  expect(await res.text()).not.toMatch(/at \w+ \(|node_modules/);
});
