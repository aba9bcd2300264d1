// Issue 6's done-criterion with real clients: the sandbox images are built into a learner's
// registry (npm run dockyard -- sandbox:images), the learner copies the old Alpine base into their
// own repository with skopeo, scans it with the aws CLI and sees its CVEs; then rebuilds on the
// patched base (same tag), rescans the new digest and sees none.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./helpers";

type Keys = { id: string; secret: string };

function aws(base: string, keys: Keys, ...args: string[]) {
  const home = mkdtempSync(path.join(tmpdir(), "dockyard-aws-"));
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: keys.id, AWS_SECRET_ACCESS_KEY: keys.secret, AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: path.join(home, "config"), AWS_SHARED_CREDENTIALS_FILE: path.join(home, "credentials"), AWS_PAGER: "", AWS_EC2_METADATA_DISABLED: "true" };
  const r = spawnSync("/usr/bin/aws", ["ecr", ...args, "--endpoint-url", base, "--output", "json"], { encoding: "utf8", env: env as NodeJS.ProcessEnv, timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
}

type Findings = { imageScanStatus: { status: string }; imageScanFindings: { findings: { name: string; severity: string }[]; findingSeverityCounts?: Record<string, number> } };

function scan(base: string, keys: Keys, repository: string, tag: string): Findings {
  aws(base, keys, "start-image-scan", "--repository-name", repository, "--image-id", `imageTag=${tag}`);
  aws(base, keys, "wait", "image-scan-complete", "--repository-name", repository, "--image-id", `imageTag=${tag}`);
  return aws(base, keys, "describe-image-scan-findings", "--repository-name", repository, "--image-id", `imageTag=${tag}`) as unknown as Findings;
}

test("push the old base, see its CVEs, rebuild on the patched base, rescan: they are gone", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const host = new URL(base).host;
  const email = uniqueEmail("patched");
  await page.goto("/en/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/en$/);

  // The sandbox images, built by the admin command into this learner's registry.
  const cli = spawnSync(process.execPath, ["bin/dockyard.mjs", "sandbox:images", "--email", email, "--json"], { encoding: "utf8", env: { ...process.env, DOCKYARD_DATA_DIR: process.env.E2E_DATA_DIR }, timeout: 120_000 });
  expect(cli.status, cli.stderr).toBe(0);
  const images = JSON.parse(cli.stdout) as { repository: string; tag: string; expected: { status: string; findingSeverityCounts?: Record<string, number> } }[];
  const old = images.find((i) => i.repository === "sandbox/alpine" && i.tag === "3.15-old")!;
  const patched = images.find((i) => i.repository === "sandbox/alpine" && i.tag === "3.15-patched")!;
  expect(old.expected.status).toBe("COMPLETE");

  await page.goto("/en/registry/credentials");
  await page.getByTestId("create-key").click();
  const row = page.getByTestId("root-keys").locator("tbody tr").first();
  const keys = { id: (await row.getByTestId("access-key-id").textContent())!.trim(), secret: (await row.getByTestId("secret-access-key").textContent())!.trim() };
  const password = spawnSync("/usr/bin/aws", ["ecr", "get-login-password", "--endpoint-url", base], { encoding: "utf8", env: { ...process.env, AWS_ACCESS_KEY_ID: keys.id, AWS_SECRET_ACCESS_KEY: keys.secret, AWS_DEFAULT_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true" } }).stdout.trim();
  const creds = `AWS:${password}`;
  const copy = (from: string, to: string) => {
    const r = spawnSync("skopeo", ["copy", "--src-creds", creds, "--dest-creds", creds, "--src-tls-verify=false", "--dest-tls-verify=false", `docker://${host}/${from}`, `docker://${host}/${to}`], { encoding: "utf8", timeout: 60_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  };

  aws(base, keys, "create-repository", "--repository-name", "shop/web");
  copy(`sandbox/alpine:3.15-old`, "shop/web:latest");
  const before = scan(base, keys, "shop/web", "latest");
  expect(before.imageScanStatus.status).toBe("COMPLETE");
  const names = before.imageScanFindings.findings.map((f) => f.name);
  expect(names).toEqual(expect.arrayContaining(["CVE-2022-0778", "CVE-2022-37434", "CVE-2018-25032"]));
  expect(before.imageScanFindings.findingSeverityCounts).toEqual(old.expected.findingSeverityCounts);

  // Rebuilt on the patched base under the same tag: a new digest, scanned clean.
  copy(`sandbox/alpine:3.15-patched`, "shop/web:latest");
  const after = scan(base, keys, "shop/web", "latest");
  expect(after.imageScanStatus.status).toBe("COMPLETE");
  expect(after.imageScanFindings.findings).toEqual([]);
  expect(patched.expected).toEqual({ status: "COMPLETE", findingSeverityCounts: {} });

  // The console shows the same: no findings for the image now tagged latest.
  await page.goto("/en/registry/repositories/shop/web");
  await expect(page.getByTestId("scan-findings").first()).toBeVisible();
});
