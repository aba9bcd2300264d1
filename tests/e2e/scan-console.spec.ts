// Scan results in the console, in Chromium: an Alpine 3.15 image with zlib 1.2.11-r3 is pushed
// with skopeo and scanned from the repository page; the page refreshes itself when the scan ends,
// the severity filter narrows the findings (and keeps the choice in the URL), each finding says
// what to upgrade to, the package inventory filters by name, the SBOM link is there, and the
// filters work with JavaScript off. axe finds no serious violation in either language.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { tarGz, writeLayout, type Blob } from "../helpers/oci-layout";
import { seriousViolations, startAsGuest } from "./helpers";

const REPO = "scan/console";

function blobOf(bytes: Buffer): Blob {
  return { digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`, size: bytes.length, bytes };
}

/** Alpine 3.15 with zlib 1.2.11-r3: CVE-2022-37434 (CRITICAL, fixed in 1.2.12-r2) and
 *  CVE-2018-25032 (HIGH, fixed in 1.2.12-r0) in the bundled Alpine advisories. */
async function vulnerableAlpine() {
  const layer = blobOf(
    await tarGz({
      "etc/os-release": 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.0\nPRETTY_NAME="Alpine Linux v3.15"\n',
      "lib/apk/db/installed": "P:musl\nV:1.2.2-r7\nA:x86_64\no:musl\n\nP:zlib\nV:1.2.11-r3\nA:x86_64\no:zlib\n\n",
    }),
  );
  const config = blobOf(Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: [] }, config: {} })));
  const mediaType = "application/vnd.oci.image.manifest.v1+json";
  const manifest = blobOf(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: config.digest, size: config.size },
        layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: layer.digest, size: layer.size }],
      }),
    ),
  );
  return { blobs: [manifest, config, layer], manifest, mediaType };
}

async function pushWithSkopeo(page: Page, tag: string): Promise<string> {
  await page.goto("/en/registry/login");
  await page.getByTestId("issue-token").click();
  const login = (await page.getByTestId("docker-login").textContent()) ?? "";
  const [, password, host] = /^echo '([^']+)' \| docker login --username AWS --password-stdin (\S+)$/.exec(login) ?? [];
  const image = await vulnerableAlpine();
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-scan-console-"));
  writeLayout(dir, image.blobs, { blob: image.manifest, mediaType: image.mediaType }, tag);
  const r = spawnSync("skopeo", ["copy", "--dest-creds", `AWS:${password}`, "--dest-tls-verify=false", `oci:${dir}:${tag}`, `docker://${host}/${REPO}:${tag}`], { encoding: "utf8", timeout: 60_000 });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  return image.manifest.digest;
}

test("scan from the console: severity filter, fixed-in hints, inventory, SBOM link, no-JS filters, axe", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await startAsGuest(page, "en");
  await page.goto("/en/registry");
  await page.getByLabel("Repository name").fill(REPO);
  await page.getByRole("button", { name: "Create repository" }).click();
  await expect(page.getByTestId("repositories").getByRole("link", { name: REPO, exact: true })).toBeVisible();
  const digest = await pushWithSkopeo(page, "v1");

  // Not scanned yet: the panel says so and offers the Scan button.
  const base = `/en/registry/repositories/${REPO}`;
  await page.goto(base);
  const panel = page.getByTestId("scan-findings");
  await expect(panel).toContainText("has not been scanned yet");
  await expect(panel.getByTestId("start-scan")).toBeVisible();

  // Scan: the page follows the scan by itself (no reload) until it is COMPLETE.
  const row = page.getByTestId("images").getByRole("row", { name: /v1/ });
  await row.getByTestId("start-scan").click();
  await expect(row.getByTestId("scan-status")).toHaveText("COMPLETE", { timeout: 30_000 });
  await expect(panel.getByTestId("scan-result-status")).toHaveText("COMPLETE");
  await expect(panel).toContainText("Alpine Linux v3.15");

  // Counts per severity, then the HIGH filter: one finding, its CVE link and the upgrade hint.
  const filter = panel.getByTestId("severity-filter");
  await expect(filter.getByRole("link", { name: "CRITICAL 1" })).toBeVisible();
  await expect(filter.getByRole("link", { name: "HIGH 1" })).toBeVisible();
  await expect(filter.getByRole("link", { name: "MEDIUM 0" })).toBeVisible();
  await expect(filter.getByRole("link", { name: "All 2" })).toHaveAttribute("aria-current", "true");
  await expect(panel.getByTestId("findings").locator("tbody tr")).toHaveCount(2);
  await filter.getByRole("link", { name: "HIGH 1" }).click();
  await expect(page).toHaveURL(/[?&]severity=HIGH/);
  await expect(page).toHaveURL(new RegExp(`[?&]image=${encodeURIComponent(digest)}`));
  await expect(filter.getByRole("link", { name: "HIGH 1" })).toHaveAttribute("aria-current", "true");
  const findings = panel.getByTestId("findings").locator("tbody tr");
  await expect(findings).toHaveCount(1);
  await expect(findings.first().getByRole("link", { name: /CVE-2018-25032/ })).toHaveAttribute("href", /^https?:\/\//);
  await expect(findings.first()).toContainText("zlib");
  await expect(findings.first()).toContainText("1.2.11-r3");
  await expect(findings.first()).toContainText("Fixed in 1.2.12-r0 — upgrade to 1.2.12-r0 or later");

  // The inventory of the stored scan, and the SBOM link for the other engineer's route.
  const inventory = panel.getByTestId("inventory");
  await expect(inventory.locator("tbody tr")).toHaveCount(2);
  await expect(inventory.getByRole("row", { name: /zlib/ })).toContainText("1.2.11-r3");
  await expect(inventory.getByRole("row", { name: /zlib/ })).toContainText("apk · Alpine:v3.15");
  await expect(panel.getByTestId("sbom-link")).toHaveText("Download SBOM (CycloneDX)");
  await expect(panel.getByTestId("sbom-link")).toHaveAttribute("href", `/en/registry/sbom?${new URLSearchParams({ repository: REPO, digest })}`);
  expect(await seriousViolations(page)).toEqual([]);

  // Without JavaScript the same filters work through the query string and a plain GET form.
  // A context made here does not inherit the config's `use`; give it the base URL and locale.
  const { baseURL, locale } = test.info().project.use;
  const noJs = await browser.newContext({ baseURL, locale, javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const plain = await noJs.newPage();
    await plain.goto(`${base}?${new URLSearchParams({ image: digest, severity: "CRITICAL" })}`);
    const plainPanel = plain.getByTestId("scan-findings");
    const rows = plainPanel.getByTestId("findings").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("CVE-2022-37434");
    await expect(rows.first()).toContainText("Fixed in 1.2.12-r2 — upgrade to 1.2.12-r2 or later");
    await plainPanel.getByLabel("Filter by package name").fill("MUS");
    await plainPanel.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(plain).toHaveURL(/[?&]package=MUS/);
    await expect(plain).toHaveURL(/[?&]severity=CRITICAL/);
    const plainInventory = plain.getByTestId("inventory").locator("tbody tr");
    await expect(plainInventory).toHaveCount(1);
    await expect(plainInventory.first()).toContainText("musl");
  } finally {
    await noJs.close();
  }

  // Japanese, the default language: the same page passes axe with its own wording.
  await page.goto(`/ja/registry/repositories/${REPO}?${new URLSearchParams({ image: digest, severity: "CRITICAL" })}`);
  await expect(page.getByTestId("findings").locator("tbody tr").first()).toContainText("1.2.12-r2 で修正 — 1.2.12-r2 以降にアップグレードしてください");
  await expect(page.getByTestId("sbom-link")).toHaveText("SBOM をダウンロード（CycloneDX）");
  expect(await seriousViolations(page)).toEqual([]);
});
