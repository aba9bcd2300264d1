// The ECR console in Chromium: repository settings with validation, the lifecycle editor (inline
// validation, rule builder, preview table, expiry when the clock moves), the repository policy
// editor and the policy simulator.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildImage, imageBlobs, writeLayout } from "../helpers/oci-layout";
import { seriousViolations, startAsGuest } from "./helpers";

async function pushWithSkopeo(page: Page, repo: string, tags: string[]) {
  await page.goto("/en/registry/login");
  await page.getByTestId("issue-token").click();
  const login = (await page.getByTestId("docker-login").textContent()) ?? "";
  const [, password, host] = /^echo '([^']+)' \| docker login --username AWS --password-stdin (\S+)$/.exec(login) ?? [];
  for (const tag of tags) {
    const image = await buildImage({ layers: 1, label: tag });
    const dir = mkdtempSync(path.join(tmpdir(), "dockyard-console-"));
    writeLayout(dir, imageBlobs(image), { blob: image.manifest, mediaType: image.mediaType }, tag);
    const r = spawnSync("skopeo", ["copy", "--dest-creds", `AWS:${password}`, "--dest-tls-verify=false", `oci:${dir}:${tag}`, `docker://${host}/${repo}:${tag}`], { encoding: "utf8", timeout: 60_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  }
}

test("repository settings, lifecycle editor with preview, repository policy and simulator", async ({ page }) => {
  test.setTimeout(180_000);
  await startAsGuest(page, "en");
  await page.goto("/en/registry");
  await page.getByLabel("Repository name").fill("console/app");
  await page.getByRole("button", { name: "Create repository" }).click();
  await expect(page.getByTestId("repositories").getByRole("link", { name: "console/app", exact: true })).toBeVisible();
  await pushWithSkopeo(page, "console/app", ["old", "new"]);

  // A scan from the console: these images hold no OS, so the scan ends UNSUPPORTED_IMAGE and says why.
  await page.goto("/en/registry/repositories/console/app");
  const newRow = page.getByTestId("images").getByRole("row", { name: /new/ });
  await newRow.getByTestId("start-scan").click();
  await expect(newRow.getByText("Scan started.")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("images").getByRole("row", { name: /new/ }).getByTestId("scan-status")).toHaveText("UNSUPPORTED_IMAGE", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId("scan-findings").locator("summary").click();
  await expect(page.getByTestId("scan-findings")).toContainText("UnsupportedImageError");

  // Settings: a *_WITH_EXCLUSION value needs filters; the error says so and nothing is lost.
  await page.goto("/en/registry/repositories/console/app");
  const settings = page.getByTestId("repository-settings");
  await settings.getByLabel("Tag mutability").selectOption("IMMUTABLE_WITH_EXCLUSION");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert")).toContainText("can't be null when imageTagMutability is set as IMMUTABLE_WITH_EXCLUSION");
  await expect(settings.getByLabel("Tag mutability")).toHaveValue("IMMUTABLE_WITH_EXCLUSION");
  await settings.getByLabel(/Exclusion filters/).fill("latest dev-*");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("repository-settings").getByLabel("Tag mutability")).toHaveValue("IMMUTABLE_WITH_EXCLUSION");
  await expect(page.getByTestId("repository-settings").getByLabel(/Exclusion filters/)).toHaveValue("latest dev-*");

  // Lifecycle editor: invalid JSON is flagged inline and cannot be saved.
  const editor = page.getByTestId("lifecycle-editor");
  const json = editor.getByTestId("lifecycle-json");
  await json.fill('{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 0}, "action": {"type": "expire"}}]}');
  await expect(editor.locator("#lifecycle-problem")).toContainText("Lifecycle policy validation failure");
  await expect(editor.getByRole("button", { name: "Save" })).toBeDisabled();

  // The rule builder writes the same JSON; the preview names the image and the rule.
  await json.fill("");
  await editor.getByText("Rule builder").click();
  await editor.getByLabel("tagStatus").selectOption("any");
  await editor.getByLabel("countType").selectOption("imageCountMoreThan");
  await editor.getByLabel("countNumber").fill("1");
  await editor.getByRole("button", { name: "Add the rule to the JSON" }).click();
  await expect(json).toHaveValue(/"countType": "imageCountMoreThan"/);
  await expect(editor.locator("#lifecycle-problem")).toHaveText("The policy is valid.");
  await editor.getByRole("button", { name: "Preview" }).click();
  const preview = editor.getByTestId("lifecycle-preview");
  await expect(preview).toContainText("1 image(s) would expire.");
  await expect(preview.getByRole("row")).toHaveCount(2);
  await expect(preview.getByRole("row").nth(1)).toContainText("old");
  await expect(preview.getByRole("row").nth(1)).toContainText("EXPIRE");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByText("Saved.")).toBeVisible();

  // Moving the clock applies the policy: "old" expires, "new" stays.
  await page.goto("/en/registry");
  const clock = page.getByTestId("advance-clock");
  await clock.getByLabel("Days to advance").fill("1");
  await clock.getByRole("button", { name: "Advance the clock" }).click();
  await expect(clock.getByText("Lifecycle policies expired 1 image(s).")).toBeVisible();
  await page.goto("/en/registry/repositories/console/app");
  await expect(page.getByTestId("images")).toContainText("new");
  await expect(page.getByTestId("images")).not.toContainText("old");

  // Repository policy: invalid text is flagged inline; the example is valid and saves.
  const policy = page.getByTestId("repository-policy-editor");
  await policy.getByTestId("repository-policy-json").fill('{"Version": "2012-10-17", "Statement": [{"Effect": "Perhaps", "Principal": "*", "Action": "ecr:*"}]}');
  await expect(policy.locator("#repo-policy-problem")).toContainText("Effect");
  await policy.getByRole("button", { name: "Insert an example: let reader pull" }).click();
  await expect(policy.locator("#repo-policy-problem")).toHaveText("The policy is valid.");
  await policy.getByRole("button", { name: "Save" }).click();
  await expect(policy.getByText("Saved.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Simulator: the reader (no identity policy) may pull because the repository policy names it.
  await page.goto("/en/registry/credentials");
  const create = page.getByTestId("create-iam-user");
  await create.getByLabel("User name").fill("reader");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("iam-user-reader")).toBeVisible();
  const sim = page.getByTestId("simulator");
  await sim.getByLabel("Principal").selectOption("reader");
  await sim.getByLabel("Action").selectOption("ecr:BatchGetImage");
  await sim.getByRole("textbox", { name: /Repository/ }).fill("console/app");
  await sim.getByRole("button", { name: "Evaluate" }).click();
  await expect(page.getByTestId("simulation")).toContainText("Allowed");
  await expect(page.getByTestId("simulation")).toContainText("repository policy · Statement[0] (ReaderMayPull)");
  await sim.getByLabel("Action").selectOption("ecr:PutImage");
  await sim.getByRole("button", { name: "Evaluate" }).click();
  await expect(page.getByTestId("simulation")).toContainText("Implicitly denied");
  expect(await seriousViolations(page)).toEqual([]);
});
