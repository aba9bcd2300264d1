// `sandbox:images`: builds every sandbox template into a learner's registry, creating the
// repositories through ECR's CreateRepository (so names, limits and defaults behave as ECR's) and
// pushing through the registry's own upload and manifest functions. Builds are deterministic,
// so running it again finds everything in place and returns the same digests.
import { z } from "zod";
import type { Deps } from "../core/deps";
import { ecrContext, type EcrContext } from "../ecr/context";
import { createRepository } from "../ecr/operations/repositories";
import { findRepository, type RepositoryRow } from "../ecr/repository-record";
import { buildOciImage, buildOciIndex, type OciPlatform } from "./oci-image";
import { pushBuiltImage, type BuiltImage } from "./push-image";
import { SANDBOX_TEMPLATES, type ExpectedScan, type SandboxImageTemplate } from "./templates";

export const DEFAULT_REPOSITORY_PREFIX = "sandbox";

const OptionsSchema = z.strictObject({
  /** Repositories are named "<prefix>/<template repository>"; an empty prefix drops the "/". */
  repositoryPrefix: z.string().max(200).regex(/^[a-z0-9._/-]*$/, "use lower-case letters, digits, '.', '_', '-' and '/'").optional(),
});
export type SandboxImagesOptions = z.infer<typeof OptionsSchema>;

export type PushedSandboxImage = {
  repository: string;
  tag: string;
  digest: string;
  mediaType: string;
  title: string;
  platforms: string[];
  expected: ExpectedScan;
};

export const platformName = (p: OciPlatform) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ""}`;

/** Builds one template into image bytes (no registry involved). */
export async function buildSandboxImage(template: SandboxImageTemplate): Promise<BuiltImage> {
  const createdBy = `dockyard sandbox:images ${template.repository}:${template.tag}`;
  const images = [];
  for (const platform of template.platforms) images.push(await buildOciImage({ platform, files: template.files(platform), title: template.title, createdBy }));
  const top = images.length === 1 ? images[0]!.manifest : buildOciIndex(images, template.title);
  return { images, top };
}

export function repositoryNameFor(prefix: string, template: SandboxImageTemplate): string {
  return prefix ? `${prefix.replace(/\/+$/, "")}/${template.repository}` : template.repository;
}

/** The repository, created as ECR's CreateRepository would if it does not exist yet. */
async function ensureRepository(ctx: EcrContext, name: string): Promise<RepositoryRow> {
  const existing = await findRepository(ctx.deps, ctx.accountId, name);
  if (existing) return existing;
  await createRepository(ctx, { repositoryName: name });
  return (await findRepository(ctx.deps, ctx.accountId, name))!;
}

/** Builds and pushes every sandbox image into the user's registry; returns what it pushed. */
export async function buildSandboxImages(deps: Deps, user: { accountId: string }, options: SandboxImagesOptions = {}): Promise<PushedSandboxImage[]> {
  const { repositoryPrefix = DEFAULT_REPOSITORY_PREFIX } = OptionsSchema.parse(options);
  const ctx = await ecrContext(deps, { accountId: user.accountId });
  const pushed: PushedSandboxImage[] = [];
  for (const template of SANDBOX_TEMPLATES) {
    const built = await buildSandboxImage(template);
    const repo = await ensureRepository(ctx, repositoryNameFor(repositoryPrefix, template));
    const digest = await pushBuiltImage(ctx, repo, template.tag, built);
    pushed.push({ repository: repo.name, tag: template.tag, digest, mediaType: built.top.mediaType, title: template.title, platforms: template.platforms.map(platformName), expected: template.expected });
  }
  return pushed;
}

/** "CRITICAL 1, HIGH 3", "no findings" or "UNSUPPORTED_IMAGE": the expectation in one phrase. */
export function describeExpectedScan(expected: ExpectedScan): string {
  if (expected.status === "UNSUPPORTED_IMAGE") return "UNSUPPORTED_IMAGE";
  const counts = Object.entries(expected.findingSeverityCounts).filter(([, n]) => n);
  return counts.length ? counts.map(([severity, n]) => `${severity} ${n}`).join(", ") : "no findings";
}
