// The registry through real clients: the console in Chromium, skopeo for push and pull, and a
// plain HTTP client for chunked uploads, against the production server.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildImage, imageBlobs, indexOf, writeLayout } from "../helpers/oci-layout";
import { startAsGuest } from "./helpers";

const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

function skopeo(...args: string[]) {
  const r = spawnSync("skopeo", args, { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function createRepo(page: Page, name: string) {
  await page.goto("/en/registry");
  await page.getByLabel("Repository name").fill(name);
  await page.getByRole("button", { name: "Create repository" }).click();
  await expect(page.getByTestId("repositories").getByRole("link", { name, exact: true })).toBeVisible();
}

async function issuePassword(page: Page): Promise<{ password: string; host: string }> {
  await page.goto("/en/registry/login");
  await page.getByTestId("issue-token").click();
  const login = await page.getByTestId("docker-login").textContent();
  const m = /^echo '([^']+)' \| docker login --username AWS --password-stdin (\S+)$/.exec(login ?? "");
  expect(m, `unexpected login command: ${login}`).not.toBeNull();
  return { password: m![1]!, host: m![2]! };
}

test("a learner creates a repository, pushes and pulls with skopeo, and deletes from the console", async ({ page }) => {
  test.setTimeout(120_000);
  await startAsGuest(page, "en");
  await createRepo(page, "team/web");

  // Validation: a bad name and a duplicate get clear messages, and nothing is created.
  await page.getByLabel("Repository name").fill("Team Web");
  await page.getByRole("button", { name: "Create repository" }).click();
  await expect(page.locator("#name-error")).toContainText("not valid");
  await page.getByLabel("Repository name").fill("team/web");
  await page.getByRole("button", { name: "Create repository" }).click();
  await expect(page.locator("#name-error")).toContainText("already exists");

  const { password, host } = await issuePassword(page);
  expect(host).toMatch(/^127\.0\.0\.1:\d+$/);
  const creds = `AWS:${password}`;

  // Push a single-platform image and a multi-platform index.
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-skopeo-"));
  const image = await buildImage({ layers: 3, layerBytes: 50_000 });
  writeLayout(path.join(dir, "single"), imageBlobs(image), { blob: image.manifest, mediaType: image.mediaType }, "1.0");
  const amd = await buildImage();
  const arm = await buildImage({ platform: { os: "linux", architecture: "arm64" } });
  const index = indexOf([
    { image: amd, platform: { os: "linux", architecture: "amd64" } },
    { image: arm, platform: { os: "linux", architecture: "arm64" } },
  ]);
  writeLayout(path.join(dir, "multi"), [...imageBlobs(amd), ...imageBlobs(arm), index], { blob: index, mediaType: "application/vnd.oci.image.index.v1+json" }, "multi");

  let r = skopeo("copy", "--dest-creds", creds, "--dest-tls-verify=false", `oci:${dir}/single:1.0`, `docker://${host}/team/web:1.0`);
  expect(r.status, r.out).toBe(0);
  r = skopeo("copy", "--all", "--dest-creds", creds, "--dest-tls-verify=false", `oci:${dir}/multi:multi`, `docker://${host}/team/web:multi`);
  expect(r.status, r.out).toBe(0);

  // Inspect and list tags.
  r = skopeo("inspect", "--creds", creds, "--tls-verify=false", `docker://${host}/team/web:1.0`);
  expect(r.status, r.out).toBe(0);
  expect(JSON.parse(r.out).Digest).toBe(image.manifest.digest);
  r = skopeo("list-tags", "--creds", creds, "--tls-verify=false", `docker://${host}/team/web`);
  expect(JSON.parse(r.out).Tags).toEqual(["1.0", "multi"]);

  // Pull both back and compare digests.
  r = skopeo("copy", "--src-creds", creds, "--src-tls-verify=false", `docker://${host}/team/web:1.0`, `oci:${dir}/pulled:1.0`);
  expect(r.status, r.out).toBe(0);
  const pulled = readdirSync(path.join(dir, "pulled", "blobs", "sha256"));
  for (const blob of imageBlobs(image)) expect(pulled).toContain(blob.digest.slice(7));
  r = skopeo("copy", "--all", "--src-creds", creds, "--src-tls-verify=false", `docker://${host}/team/web:multi`, `oci:${dir}/pulled-multi:multi`);
  expect(r.status, r.out).toBe(0);
  expect(readdirSync(path.join(dir, "pulled-multi", "blobs", "sha256"))).toContain(index.digest.slice(7));

  // The console shows both images with their tags; delete the single-platform one there.
  await page.goto("/en/registry/repositories/team/web");
  const images = page.getByTestId("images");
  await expect(images).toContainText("1.0");
  await expect(images).toContainText("multi");
  page.once("dialog", (d) => void d.accept());
  await images.getByRole("row", { name: /1\.0/ }).getByTestId("delete-image").click();
  await expect(images).not.toContainText("1.0");
  r = skopeo("inspect", "--creds", creds, "--tls-verify=false", `docker://${host}/team/web:1.0`);
  expect(r.status).not.toBe(0);

  // skopeo delete removes the index; then the repository can be deleted from the console.
  r = skopeo("delete", "--creds", creds, "--tls-verify=false", `docker://${host}/team/web:multi`);
  expect(r.status, r.out).toBe(0);
  await page.goto("/en/registry");
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("delete-repo-team/web").click();
  await expect(page.getByText("No repositories yet")).toBeVisible();
});

test("pushing to a repository that does not exist fails with NAME_UNKNOWN and a hint", async ({ page }) => {
  await startAsGuest(page, "en");
  const { password, host } = await issuePassword(page);
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-skopeo-"));
  const image = await buildImage({ layers: 1 });
  writeLayout(path.join(dir, "img"), imageBlobs(image), { blob: image.manifest, mediaType: image.mediaType }, "1");
  const r = skopeo("copy", "--dest-creds", `AWS:${password}`, "--dest-tls-verify=false", `oci:${dir}/img:1`, `docker://${host}/not/created:1`);
  expect(r.status).not.toBe(0);
  expect(r.out).toContain("does not exist in the registry");
});

test("chunked, resumed uploads over plain HTTP; wrong digests and missing blobs are refused; learners are isolated", async ({ browser, request }) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [alice, bob] = await Promise.all(contexts.map((c) => c.newPage()));
  await startAsGuest(alice!, "en");
  await startAsGuest(bob!, "en");
  await createRepo(alice!, "chunks");
  await createRepo(bob!, "chunks");
  const a = { Authorization: `Basic ${Buffer.from(`AWS:${(await issuePassword(alice!)).password}`).toString("base64")}` };
  const b = { Authorization: `Basic ${Buffer.from(`AWS:${(await issuePassword(bob!)).password}`).toString("base64")}` };

  const bytes = randomBytes(3 * 1024 * 1024 + 17);
  const start = await request.post("/v2/chunks/blobs/uploads/", { headers: a });
  expect(start.status()).toBe(202);
  let location = start.headers()["location"]!;
  const chunk = 1024 * 1024;
  for (let offset = 0; offset < 2 * chunk; offset += chunk) {
    const res = await request.patch(location, { headers: { ...a, "Content-Type": "application/octet-stream", "Content-Range": `${offset}-${offset + chunk - 1}` }, data: bytes.subarray(offset, offset + chunk) });
    expect(res.status()).toBe(202);
    location = res.headers()["location"]!;
  }
  // Resume: ask where the upload stands, then send the rest with the final PUT.
  const status = await request.get(location, { headers: a });
  expect(status.headers()["range"]).toBe(`0-${2 * chunk - 1}`);
  const put = await request.put(`${location}?digest=${sha256(bytes)}`, { headers: { ...a, "Content-Type": "application/octet-stream" }, data: bytes.subarray(2 * chunk) });
  expect(put.status()).toBe(201);
  const got = await request.get(`/v2/chunks/blobs/${sha256(bytes)}`, { headers: a });
  expect(Buffer.from(await got.body()).equals(bytes)).toBe(true);

  const wrong = await request.post(`/v2/chunks/blobs/uploads/?digest=${sha256(Buffer.from("other"))}`, { headers: { ...a, "Content-Type": "application/octet-stream" }, data: randomBytes(100) });
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).errors[0].code).toBe("DIGEST_INVALID");

  const image = await buildImage({ layers: 1 });
  const manifest = await request.put("/v2/chunks/manifests/latest", { headers: { ...a, "Content-Type": image.mediaType }, data: image.manifest.bytes });
  expect(manifest.status()).toBe(400);
  expect((await manifest.json()).errors[0].code).toBe("MANIFEST_BLOB_UNKNOWN");

  // Bob has a repository with the same name, but Alice's blob is not visible to him.
  expect((await request.head(`/v2/chunks/blobs/${sha256(bytes)}`, { headers: b })).status()).toBe(404);
  const unauth = await request.get("/v2/", { headers: {} });
  expect(unauth.status()).toBe(401);
  expect(unauth.headers()["www-authenticate"]).toMatch(/^Basic /);
  for (const c of contexts) await c.close();
});
