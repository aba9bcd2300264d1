// TagResource, UntagResource, ListTagsForResource: repository ARNs only (ecr-spec §4.5).
import { z } from "zod";
import { parseRepositoryArn } from "../arns";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { parseInput, TagSchema } from "../input";
import { repositoryNotFound, findRepository, type RepositoryRow } from "../repository-record";
import { MAX_TAGS_PER_RESOURCE, validateResourceTags } from "../resource-tags";

const ArnSchema = z.string().min(1).max(2048);

async function repositoryOfArn(ctx: EcrContext, arn: string): Promise<RepositoryRow> {
  const parsed = parseRepositoryArn(arn);
  if (!parsed) throw invalidParameter("resourceArn", "Invalid ARN");
  if (parsed.accountId !== ctx.accountId || parsed.region !== ctx.region) throw repositoryNotFound(parsed.name, parsed.accountId);
  const repo = await findRepository(ctx.deps, ctx.accountId, parsed.name);
  if (!repo) throw repositoryNotFound(parsed.name, ctx.accountId);
  return repo;
}

export async function tagResource(ctx: EcrContext, input: unknown): Promise<Record<string, never>> {
  const req = parseInput(z.strictObject({ resourceArn: ArnSchema, tags: z.array(TagSchema) }), input);
  const repo = await repositoryOfArn(ctx, req.resourceArn);
  await authorize(ctx, "ecr:TagResource", repo.name);
  const tags = validateResourceTags(req.tags);
  const { db } = ctx.deps;
  await db.$transaction(async (tx) => {
    const existing = await tx.resourceTag.findMany({ where: { repositoryId: repo.id }, select: { key: true } });
    const keys = new Set([...existing.map((t) => t.key), ...tags.map((t) => t.Key)]);
    if (keys.size > MAX_TAGS_PER_RESOURCE) throw new EcrError("TooManyTagsException", `A repository can have at most ${MAX_TAGS_PER_RESOURCE} tags; this request would make it ${keys.size}.`);
    for (const t of tags) {
      await tx.resourceTag.upsert({ where: { repositoryId_key: { repositoryId: repo.id, key: t.Key } }, create: { repositoryId: repo.id, key: t.Key, value: t.Value }, update: { value: t.Value } });
    }
  });
  return {};
}

export async function untagResource(ctx: EcrContext, input: unknown): Promise<Record<string, never>> {
  const req = parseInput(z.strictObject({ resourceArn: ArnSchema, tagKeys: z.array(z.string().min(1).max(128)).max(50) }), input);
  const repo = await repositoryOfArn(ctx, req.resourceArn);
  await authorize(ctx, "ecr:UntagResource", repo.name);
  await ctx.deps.db.resourceTag.deleteMany({ where: { repositoryId: repo.id, key: { in: req.tagKeys } } });
  return {};
}

export async function listTagsForResource(ctx: EcrContext, input: unknown): Promise<{ tags: { Key: string; Value: string }[] }> {
  const req = parseInput(z.strictObject({ resourceArn: ArnSchema }), input);
  const repo = await repositoryOfArn(ctx, req.resourceArn);
  await authorize(ctx, "ecr:ListTagsForResource", repo.name);
  const rows = await ctx.deps.db.resourceTag.findMany({ where: { repositoryId: repo.id }, orderBy: { key: "asc" } });
  return { tags: rows.map((r) => ({ Key: r.key, Value: r.value })) };
}
