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
  const submit = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // React resets the form once the action has settled; only then is the next attempt typed,
    // so no attempt is lost to a reset racing with fill().
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  };
  for (let i = 0; i < 5; i++) {
    await submit(`wrong password ${i}`);
    await expect(page.locator(".form-error")).toHaveText("Email or password is incorrect.");
  }
  await submit("wrong password again");
  await expect(page.locator(".form-error")).toContainText("Too many failed attempts");
});

test("the account page shows the sandbox identity and requires a session", async ({ page }) => {
  await page.goto("/en/account");
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await page.goto("/en");
  await page.getByTestId("start-guest").first().click();
  await expect(page).toHaveURL(/\/en\/lessons\/what-is-ecr$/);
  await page.goto("/en/account");
  await expect(page.getByTestId("account-id")).toHaveText(/^\d{12}$/);
  await expect(page.getByText("us-east-1")).toBeVisible();
});

test("a cross-site post of a real server action is refused; the same post from our origin works", async ({ page, request, baseURL }) => {
  await page.goto("/en");
  await page.getByTestId("start-guest").first().click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === "dockyard_session")!;
  // The server-rendered sign-out form carries its action id in a hidden field (progressive enhancement).
  const html = await (await page.request.get("/en")).text();
  const actionField = /<form[^>]*>(?:(?!<\/form>).)*?name="(\$ACTION_ID_[0-9a-f]+)"(?:(?!<\/form>).)*Sign out/s.exec(html)?.[1];
  expect(actionField).toMatch(/^\$ACTION_ID_/);
  const post = (origin: string) =>
    request.post("/en", {
      headers: { Origin: origin, Cookie: `dockyard_session=${cookie.value}` },
      multipart: { [actionField!]: "", locale: "en" },
      maxRedirects: 0,
    });

  const forged = await post("https://evil.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toMatch(/at \w+ \(|node_modules/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible(); // still signed in

  const genuine = await post(new URL(baseURL!).origin);
  expect(genuine.status()).toBeLessThan(400);
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible(); // the session ended
});
