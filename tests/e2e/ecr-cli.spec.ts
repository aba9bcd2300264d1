// The whole ECR scenario with the real aws CLI v2 and skopeo against the production server:
// credentials from the console, IMMUTABLE tags, lifecycle preview and expiry after advancing the
// sandbox clock, a repository policy, and a reader IAM user who may pull but not push.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildImage, imageBlobs, writeLayout, type Blob, type BuiltImage } from "../helpers/oci-layout";
import { compress, digestOf, file, tarOf } from "../helpers/rootfs-image";
import { startAsGuest } from "./helpers";

type Keys = { id: string; secret: string };

function awsEnv(keys: Keys): Record<string, string | undefined> {
  const home = mkdtempSync(path.join(tmpdir(), "dockyard-aws-"));
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: keys.id,
    AWS_SECRET_ACCESS_KEY: keys.secret,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: path.join(home, "config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, "credentials"),
    AWS_PAGER: "",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

function aws(base: string, keys: Keys, ...args: string[]) {
  const r = spawnSync("/usr/bin/aws", ["ecr", ...args, "--endpoint-url", base, "--output", "json"], { encoding: "utf8", env: awsEnv(keys) as NodeJS.ProcessEnv, timeout: 120_000 });
  return { status: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

function skopeo(...args: string[]) {
  const r = spawnSync("skopeo", args, { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function readKeys(page: Page, tableTestId: string): Promise<Keys> {
  const row = page.getByTestId(tableTestId).locator("tbody tr").first();
  const id = (await row.getByTestId("access-key-id").textContent())!.trim();
  const secret = (await row.getByTestId("secret-access-key").textContent())!.trim();
  return { id, secret };
}

async function advanceClock(page: Page, days: number) {
  await page.goto("/en/registry");
  const form = page.getByTestId("advance-clock");
  await form.getByLabel("Days to advance").fill(String(days));
  await form.getByRole("button", { name: "Advance the clock" }).click();
  await expect(form.getByText(`The clock moved ${days} days forward`)).toBeVisible();
}

/** An Alpine 3.15 image whose package database holds an OpenSSL with CVE-2022-0778. */
function vulnerableAlpineLayout(tag: string): string {
  const blob = (bytes: Buffer): Blob => ({ digest: digestOf(bytes), size: bytes.length, bytes });
  const layer = blob(compress(tarOf([file("etc/os-release", 'ID=alpine\nVERSION_ID=3.15.0\nPRETTY_NAME="Alpine Linux v3.15"\n'), file("lib/apk/db/installed", "P:libssl1.1\nV:1.1.1l-r7\no:openssl\n\n")]), "gzip"));
  const config = blob(Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: [] }, config: {} })));
  const mediaType = "application/vnd.oci.image.manifest.v1+json";
  const manifest = blob(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: config.digest, size: config.size }, layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: layer.digest, size: layer.size }] })));
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-cli-vuln-"));
  writeLayout(dir, [layer, config, manifest], { blob: manifest, mediaType }, tag);
  return dir;
}

function layoutOf(image: BuiltImage, tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-cli-img-"));
  writeLayout(dir, imageBlobs(image), { blob: image.manifest, mediaType: image.mediaType }, tag);
  return dir;
}

test("the aws CLI and skopeo drive the sandbox through a whole ECR scenario", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const host = new URL(base).host;
  await startAsGuest(page, "en");

  // Credentials from the console.
  await page.goto("/en/registry/credentials");
  await page.getByTestId("create-key").click();
  await expect(page.getByTestId("root-keys")).toBeVisible();
  const root = await readKeys(page, "root-keys");
  expect(root.id).toMatch(/^AKIA[A-Z2-7]{16}$/);
  await expect(page.getByTestId("aws-config")).toContainText(`endpoint_url = ${base}`);

  // A wrong secret is refused with the SigV4 error, as AWS would.
  const forged = aws(base, { ...root, secret: "x".repeat(40) }, "describe-repositories");
  expect(forged.status).not.toBe(0);
  expect(forged.err).toContain("InvalidSignatureException");

  // Create with IMMUTABLE tags.
  let r = aws(base, root, "create-repository", "--repository-name", "cli/app", "--image-tag-mutability", "IMMUTABLE");
  expect(r.status, r.err).toBe(0);
  const repo = r.json().repository as { repositoryName: string; imageTagMutability: string; repositoryUri: string };
  expect(repo).toMatchObject({ repositoryName: "cli/app", imageTagMutability: "IMMUTABLE" });
  r = aws(base, root, "describe-repositories", "--repository-names", "cli/app");
  expect((r.json().repositories as unknown[]).length).toBe(1);

  // get-login-password, then push with skopeo; re-pushing the same tag is refused.
  r = aws(base, root, "get-login-password");
  expect(r.status, r.err).toBe(0);
  const creds = `AWS:${r.out.trim()}`;
  const first = await buildImage({ layers: 1, label: "first" });
  let s = skopeo("copy", "--dest-creds", creds, "--dest-tls-verify=false", `oci:${layoutOf(first, "1.0")}:1.0`, `docker://${host}/cli/app:1.0`);
  expect(s.status, s.out).toBe(0);
  const second = await buildImage({ layers: 1, label: "second" });
  s = skopeo("copy", "--dest-creds", creds, "--dest-tls-verify=false", `oci:${layoutOf(second, "1.0")}:1.0`, `docker://${host}/cli/app:1.0`);
  expect(s.status).not.toBe(0);
  expect(s.out).toContain("cannot be overwritten because the repository is immutable");

  // Two more images, 20 days apart on the sandbox clock.
  s = skopeo("copy", "--dest-creds", creds, "--dest-tls-verify=false", `oci:${layoutOf(second, "v1")}:v1`, `docker://${host}/cli/app:v1`);
  expect(s.status, s.out).toBe(0);
  await advanceClock(page, 20);
  r = aws(base, root, "get-login-password"); // the old token expired with the clock
  const creds2 = `AWS:${r.out.trim()}`;
  const third = await buildImage({ layers: 1, label: "third" });
  s = skopeo("copy", "--dest-creds", creds2, "--dest-tls-verify=false", `oci:${layoutOf(third, "v2")}:v2`, `docker://${host}/cli/app:v2`);
  expect(s.status, s.out).toBe(0);

  r = aws(base, root, "describe-images", "--repository-name", "cli/app");
  expect((r.json().imageDetails as unknown[]).length).toBe(3);
  r = aws(base, root, "list-images", "--repository-name", "cli/app");
  expect((r.json().imageIds as { imageTag?: string }[]).map((i) => i.imageTag).sort()).toEqual(["1.0", "v1", "v2"]);

  // Lifecycle: v* images older than 14 days expire. Preview first, with the CLI's waiter.
  const policy = JSON.stringify({ rules: [{ rulePriority: 1, description: "old v builds", selection: { tagStatus: "tagged", tagPatternList: ["v*"], countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } }] });
  const bad = aws(base, root, "put-lifecycle-policy", "--repository-name", "cli/app", "--lifecycle-policy-text", policy.replace('"countNumber":14', '"countNumber":0'));
  expect(bad.status).not.toBe(0);
  expect(bad.err).toContain("InvalidParameterException");
  r = aws(base, root, "put-lifecycle-policy", "--repository-name", "cli/app", "--lifecycle-policy-text", policy);
  expect(r.status, r.err).toBe(0);
  r = aws(base, root, "start-lifecycle-policy-preview", "--repository-name", "cli/app");
  expect(r.json().status).toBe("IN_PROGRESS");
  r = aws(base, root, "wait", "lifecycle-policy-preview-complete", "--repository-name", "cli/app");
  expect(r.status, r.err).toBe(0);
  r = aws(base, root, "get-lifecycle-policy-preview", "--repository-name", "cli/app");
  const preview = r.json() as { status: string; previewResults: { imageDigest: string; imageTags: string[]; action: { type: string }; appliedRulePriority: number }[]; summary: { expiringImageTotalCount: number } };
  expect(preview.status).toBe("COMPLETE");
  expect(preview.previewResults.map((p) => [p.imageDigest, p.imageTags, p.action.type, p.appliedRulePriority])).toEqual([[second.manifest.digest, ["v1"], "EXPIRE", 1]]);
  expect(preview.summary.expiringImageTotalCount).toBe(1);

  // Advancing the clock runs the policy: v1 expires, v2 (one day old) and 1.0 stay.
  await advanceClock(page, 1);
  r = aws(base, root, "describe-images", "--repository-name", "cli/app");
  expect((r.json().imageDetails as { imageTags: string[] }[]).map((d) => d.imageTags).sort()).toEqual([["1.0"], ["v2"]]);

  // A reader IAM user with the ReadOnly managed policy: may pull, may not push or change settings.
  await page.goto("/en/registry/credentials");
  const createUser = page.getByTestId("create-iam-user");
  await createUser.getByLabel("User name").fill("reader");
  await createUser.getByLabel("AWS managed policy").selectOption("AmazonEC2ContainerRegistryReadOnly");
  await createUser.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("iam-user-reader")).toBeVisible();
  await page.getByTestId("create-key-reader").click();
  await expect(page.getByTestId("keys-reader")).toBeVisible();
  const reader = await readKeys(page, "keys-reader");

  r = aws(base, reader, "get-login-password");
  expect(r.status, r.err).toBe(0);
  const readerCreds = `AWS:${r.out.trim()}`;
  const pulled = mkdtempSync(path.join(tmpdir(), "dockyard-cli-pull-"));
  s = skopeo("copy", "--src-creds", readerCreds, "--src-tls-verify=false", `docker://${host}/cli/app:v2`, `oci:${pulled}:v2`);
  expect(s.status, s.out).toBe(0);
  const fourth = await buildImage({ layers: 1, label: "fourth" });
  s = skopeo("copy", "--dest-creds", readerCreds, "--dest-tls-verify=false", `oci:${layoutOf(fourth, "v3")}:v3`, `docker://${host}/cli/app:v3`);
  expect(s.status).not.toBe(0);
  expect(s.out).toMatch(/denied|DENIED/);
  r = aws(base, reader, "put-image-tag-mutability", "--repository-name", "cli/app", "--image-tag-mutability", "MUTABLE");
  expect(r.status).not.toBe(0);
  expect(r.err).toContain("AccessDeniedException");
  expect(r.err).toContain("ecr:PutImageTagMutability");

  // Repository policy: set, read back; an explicit Deny for the reader then blocks its pulls.
  const deny = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoReader", Effect: "Deny", Principal: { AWS: `arn:aws:iam::${repo.repositoryUri.split(".")[0]}:user/reader` }, Action: "ecr:BatchGetImage" }] });
  r = aws(base, root, "set-repository-policy", "--repository-name", "cli/app", "--policy-text", deny);
  expect(r.status, r.err).toBe(0);
  r = aws(base, root, "get-repository-policy", "--repository-name", "cli/app");
  expect(JSON.parse(r.json().policyText as string)).toEqual(JSON.parse(deny));
  s = skopeo("copy", "--src-creds", readerCreds, "--src-tls-verify=false", `docker://${host}/cli/app:v2`, `oci:${pulled}:again`);
  expect(s.status).not.toBe(0);
  const badPolicy = aws(base, root, "set-repository-policy", "--repository-name", "cli/app", "--policy-text", '{"Statement": "nope"}');
  expect(badPolicy.err).toContain("InvalidParameterException");

  // Basic scanning with the CLI: start, wait for the waiter, read the findings.
  r = aws(base, root, "get-login-password");
  s = skopeo("copy", "--dest-creds", `AWS:${r.out.trim()}`, "--dest-tls-verify=false", `oci:${vulnerableAlpineLayout("vuln")}:vuln`, `docker://${host}/cli/app:vuln`);
  expect(s.status, s.out).toBe(0);
  r = aws(base, root, "start-image-scan", "--repository-name", "cli/app", "--image-id", "imageTag=vuln");
  expect(r.status, r.err).toBe(0);
  expect(r.json().imageScanStatus).toMatchObject({ status: "IN_PROGRESS" });
  r = aws(base, root, "wait", "image-scan-complete", "--repository-name", "cli/app", "--image-id", "imageTag=vuln");
  expect(r.status, r.err).toBe(0);
  r = aws(base, root, "describe-image-scan-findings", "--repository-name", "cli/app", "--image-id", "imageTag=vuln");
  const scan = r.json() as { imageScanStatus: { status: string }; imageScanFindings: { findings: { name: string; severity: string }[]; findingSeverityCounts: Record<string, number> } };
  expect(scan.imageScanStatus.status).toBe("COMPLETE");
  expect(scan.imageScanFindings.findings.map((f) => `${f.severity} ${f.name}`)).toEqual(["HIGH CVE-2022-0778"]);
  r = aws(base, root, "start-image-scan", "--repository-name", "cli/app", "--image-id", "imageTag=vuln");
  expect(r.err).toContain("LimitExceededException");

  // Clean-up with the CLI: untag, make mutable, force-delete.
  r = aws(base, root, "batch-delete-image", "--repository-name", "cli/app", "--image-ids", "imageTag=1.0");
  expect((r.json().imageIds as unknown[]).length).toBe(1);
  r = aws(base, root, "put-image-tag-mutability", "--repository-name", "cli/app", "--image-tag-mutability", "MUTABLE");
  expect(r.json().imageTagMutability).toBe("MUTABLE");
  r = aws(base, root, "delete-repository", "--repository-name", "cli/app", "--force");
  expect(r.status, r.err).toBe(0);
  r = aws(base, root, "describe-repositories", "--repository-names", "cli/app");
  expect(r.err).toContain("RepositoryNotFoundException");
});
