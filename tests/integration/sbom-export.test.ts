// SBOM export through the ECR layer and the CLI: the SBOM lists what the image's completed scan
// inventoried, an unscanned image asks for a scan first, IAM is checked as for
// DescribeImageScanFindings, and one learner can never read another learner's SBOM.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/auth/users";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { ecrContext, type EcrContext } from "@/lib/ecr/context";
import { isEcrError } from "@/lib/ecr/errors";
import { createIamUser, putUserPolicy } from "@/lib/ecr/iam-users";
import { createRepository } from "@/lib/ecr/operations/repositories";
import { startImageScan } from "@/lib/ecr/operations/scanning";
import { exportImageSbom, sbomFileName } from "@/lib/ecr/scanning/sbom-export";
import { settleScans } from "@/lib/ecr/scanning/scan-jobs";
import { makeTestDeps } from "../helpers/test-deps";
import { ociClient } from "../helpers/oci-client";
import { compress, digestOf, file, tarOf, type Entry } from "../helpers/rootfs-image";
import { cyclonedx16Errors } from "../helpers/cyclonedx-validate";

const env = makeTestDeps("2026-03-01T10:00:00Z");
const { deps } = env;
afterAll(() => env.cleanup());

// The download route, run without Next.js: the session is whoever `signedIn` names, and the
// process-wide dependencies are this file's.
const session = vi.hoisted(() => ({ user: null as null | { id: string; accountId: string } }));
vi.mock("@/app/_server/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/lib/core/deps", () => ({ getDeps: () => deps }));

const ALPINE = file("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.0\nPRETTY_NAME="Alpine Linux v3.15"\n');
const APK_DB = ["P:musl\nV:1.2.2-r7\nA:x86_64\no:musl\n", "P:libssl1.1\nV:1.1.1l-r7\nA:x86_64\no:openssl\n"].join("\n") + "\n";

type Learner = { userId: string; email: string; accountId: string; ctx: EcrContext };
let alice: Learner;
let bob: Learner;

async function learner(email: string): Promise<Learner> {
  const user = await createUser(deps, { email, password: "a long enough password" });
  return { userId: user.id, email, accountId: user.accountId, ctx: await ecrContext(deps, { accountId: user.accountId }) };
}

async function push(who: Learner, repo: string, tag: string, entries: Entry[]): Promise<string> {
  const oci = ociClient(deps, (await issueRegistryToken(deps, who.userId)).password);
  const layer = compress(tarOf(entries), "gzip");
  const config = Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: [] }, config: {} }));
  for (const blob of [layer, config]) expect((await oci.pushBlob(repo, digestOf(blob), blob)).status).toBe(201);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: digestOf(config), size: config.length }, layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: digestOf(layer), size: layer.length }] }));
  expect((await oci.putManifest(repo, tag, manifest, "application/vnd.oci.image.manifest.v1+json")).status).toBe(201);
  return digestOf(manifest);
}

async function ecrErrorOf(work: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (isEcrError(error)) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error("expected an ECR error");
}

type Bom = { metadata: { component: { name: string; version: string; "bom-ref": string } }; components?: { name: string; version: string; purl: string }[] };

let digest: string;

beforeAll(async () => {
  alice = await learner("alice@example.com");
  bob = await learner("bob@example.com");
  await createRepository(alice.ctx, { repositoryName: "team/app" });
  digest = await push(alice, "team/app", "v1", [ALPINE, file("lib/apk/db/installed", APK_DB)]);
});

describe("exportImageSbom", () => {
  it("asks for a scan first when the image was never scanned", async () => {
    const error = await ecrErrorOf(exportImageSbom(alice.ctx, { repositoryName: "team/app", imageId: { imageTag: "v1" } }));
    expect(error.type).toBe("ScanNotFoundException");
    expect(error.message).toContain("Scan the image (StartImageScan)");
  });

  it("lists the scanned inventory by tag and by digest, as a valid CycloneDX 1.6 file", async () => {
    await startImageScan(alice.ctx, { repositoryName: "team/app", imageId: { imageTag: "v1" } });
    await settleScans();
    const byTag = await exportImageSbom(alice.ctx, { repositoryName: "team/app", imageId: { imageTag: "v1" } });
    expect(byTag).toMatchObject({ mediaType: "application/vnd.cyclonedx+json", imageDigest: digest, packageCount: 2, fileName: sbomFileName("team/app", digest) });
    expect(byTag.fileName).toBe(`team_app-${digest.slice(7, 19)}.cdx.json`);
    expect(cyclonedx16Errors(byTag.body)).toBeNull();
    const bom = JSON.parse(byTag.body) as Bom;
    expect(bom.metadata.component).toMatchObject({ name: "team/app", version: "v1", "bom-ref": digest });
    expect(bom.components!.map((c) => c.purl)).toEqual(["pkg:apk/alpine/libssl1.1@1.1.1l-r7?arch=x86_64&distro=alpine-3.15", "pkg:apk/alpine/musl@1.2.2-r7?arch=x86_64&distro=alpine-3.15"]);
    const byDigest = JSON.parse((await exportImageSbom(alice.ctx, { repositoryName: "team/app", imageId: { imageDigest: digest } })).body) as Bom;
    expect(byDigest.metadata.component.version).toBe(digest);
    expect(byDigest.components).toEqual(bom.components);
  });

  it("answers unknown images and bad input with ECR's exceptions", async () => {
    expect((await ecrErrorOf(exportImageSbom(alice.ctx, { repositoryName: "team/app", imageId: { imageTag: "nope" } }))).type).toBe("ImageNotFoundException");
    expect((await ecrErrorOf(exportImageSbom(alice.ctx, { repositoryName: "team/app", imageId: { imageDigest: "sha256:xyz" } }))).type).toBe("InvalidParameterException");
    expect((await ecrErrorOf(exportImageSbom(alice.ctx, { repositoryName: "team/app", imageId: {} }))).type).toBe("InvalidParameterException");
    expect((await ecrErrorOf(exportImageSbom(alice.ctx, { repositoryName: "team/none", imageId: { imageTag: "v1" } }))).type).toBe("RepositoryNotFoundException");
  });

  it("never exports another learner's image, even with the same repository name", async () => {
    expect((await ecrErrorOf(exportImageSbom(bob.ctx, { repositoryName: "team/app", imageId: { imageDigest: digest } }))).type).toBe("RepositoryNotFoundException");
    expect((await ecrErrorOf(exportImageSbom(bob.ctx, { registryId: alice.accountId, repositoryName: "team/app", imageId: { imageDigest: digest } }))).type).toBe("RepositoryNotFoundException");
    await createRepository(bob.ctx, { repositoryName: "team/app" });
    expect((await ecrErrorOf(exportImageSbom(bob.ctx, { repositoryName: "team/app", imageId: { imageDigest: digest } }))).type).toBe("ImageNotFoundException");
  });

  it("needs ecr:DescribeImageScanFindings when called as an IAM user", async () => {
    const reader = await createIamUser(deps, alice.accountId, "sbom-reader");
    const asReader = await ecrContext(deps, { accountId: alice.accountId, iamUserId: reader.id });
    const denied = await ecrErrorOf(exportImageSbom(asReader, { repositoryName: "team/app", imageId: { imageTag: "v1" } }));
    expect(denied.type).toBe("AccessDeniedException");
    expect(denied.message).toContain("ecr:DescribeImageScanFindings");
    await putUserPolicy(deps, alice.accountId, "sbom-reader", "findings", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ecr:DescribeImageScanFindings", Resource: `arn:aws:ecr:us-east-1:${alice.accountId}:repository/team/*` }] }));
    expect((await exportImageSbom(asReader, { repositoryName: "team/app", imageId: { imageTag: "v1" } })).packageCount).toBe(2);
  });
});

describe("GET /{locale}/registry/sbom", () => {
  const get = async (query: string, locale = "en") => {
    const { GET } = await import("@/app/[locale]/registry/sbom/route");
    return GET(new Request(`http://localhost/${locale}/registry/sbom?${query}`), { params: Promise.resolve({ locale }) });
  };

  it("downloads the signed-in learner's SBOM as an attachment", async () => {
    session.user = { id: alice.userId, accountId: alice.accountId };
    const reply = await get(`repository=team%2Fapp&digest=${encodeURIComponent(digest)}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/vnd.cyclonedx+json");
    expect(reply.headers.get("content-disposition")).toBe(`attachment; filename="team_app-${digest.slice(7, 19)}.cdx.json"`);
    const body = await reply.text();
    expect(cyclonedx16Errors(body)).toBeNull();
    expect((JSON.parse(body) as Bom).metadata.component.version).toBe(digest);
    expect((await get("repository=team%2Fapp&tag=v1")).status).toBe(200);
  });

  it("answers 401 signed out, 400 for a bad query, 404 for an unknown or foreign image, in plain text", async () => {
    session.user = null;
    const signedOut = await get(`repository=team%2Fapp&digest=${encodeURIComponent(digest)}`, "ja");
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toContain("サインイン");
    session.user = { id: alice.userId, accountId: alice.accountId };
    const missing = await get("repository=team%2Fapp");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("digest");
    const badDigest = await get("repository=team%2Fapp&digest=sha256%3Azz");
    expect(badDigest.status).toBe(400);
    expect(await badDigest.text()).toContain("InvalidParameterException");
    const unknown = await get("repository=team%2Fapp&tag=nope");
    expect(unknown.status).toBe(404);
    const text = await unknown.text();
    expect(text).toContain("ImageNotFoundException");
    expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
    session.user = { id: bob.userId, accountId: bob.accountId };
    expect((await get(`repository=team%2Fapp&digest=${encodeURIComponent(digest)}`)).status).toBe(404);
  });
});

describe("npm run dockyard -- scan:sbom", () => {
  const dockyard = (...args: string[]) =>
    spawnSync(path.join(process.cwd(), "bin", "dockyard.mjs"), args, { env: { ...process.env, DOCKYARD_DATA_DIR: env.dir, DATABASE_URL: `file:${deps.config.databaseFile}` }, encoding: "utf8" });

  it("prints the learner's SBOM, writes it with --out, and refuses another learner's image", () => {
    const printed = dockyard("scan:sbom", "--email", "alice@example.com", "--repository", "team/app", "--tag", "v1");
    expect(printed.stderr).toBe("");
    expect(printed.status).toBe(0);
    expect(cyclonedx16Errors(printed.stdout)).toBeNull();
    expect((JSON.parse(printed.stdout) as Bom).components!.map((c) => c.name)).toEqual(["libssl1.1", "musl"]);

    const out = path.join(env.dir, "app.cdx.json");
    const written = dockyard("scan:sbom", "--email", "alice@example.com", "--repository", "team/app", "--digest", digest, "--out", out);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain("2 package(s)");
    expect((JSON.parse(readFileSync(out, "utf8")) as Bom).metadata.component.version).toBe(digest);

    const other = dockyard("scan:sbom", "--email", "bob@example.com", "--repository", "team/app", "--digest", digest);
    expect(other.status).toBe(2);
    expect(other.stdout).toBe("");
    expect(other.stderr).toContain("ImageNotFoundException");

    const both = dockyard("scan:sbom", "--email", "alice@example.com", "--repository", "team/app", "--tag", "v1", "--digest", digest);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("exactly one of --tag and --digest");
    // Each run starts tsx and opens the database: seconds apiece on a busy machine.
  }, 180_000);
});
