// Tag mutability (ecr-spec §3.2, §3.3): whether an existing tag may be moved to another image.
// One rule for every face: the OCI manifest PUT, ECR's PutImage and the console.
import { z } from "zod";

export const TAG_MUTABILITY = ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"] as const;
export type TagMutability = (typeof TAG_MUTABILITY)[number];

export const ExclusionFilterSchema = z.strictObject({
  filterType: z.literal("WILDCARD"),
  filter: z.string().regex(/^[0-9a-zA-Z._*-]{1,128}$/, "must be 1-128 characters of letters, digits, '.', '_', '-' and '*'"),
});
export type ExclusionFilter = z.infer<typeof ExclusionFilterSchema>;

/** [A] A filter matches the whole tag; '*' matches any run of characters, including none. */
export function wildcardMatches(filter: string, tag: string): boolean {
  const source = filter.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(tag);
}

export function isTagImmutable(mutability: TagMutability, filters: readonly ExclusionFilter[], tag: string): boolean {
  const excluded = filters.some((f) => wildcardMatches(f.filter, tag));
  switch (mutability) {
    case "MUTABLE":
      return false;
    case "IMMUTABLE":
      return true;
    case "IMMUTABLE_WITH_EXCLUSION":
      return !excluded;
    case "MUTABLE_WITH_EXCLUSION":
      return excluded;
  }
}

const StoredMutability = z.enum(TAG_MUTABILITY).catch("MUTABLE");
const StoredFilters = z.array(ExclusionFilterSchema);

/** Reads a repository row's stored settings (validated: the column is ours, but never trusted blindly). */
export function tagMutabilityOf(row: { imageTagMutability: string; tagMutabilityExclusions: string | null }): { mutability: TagMutability; filters: ExclusionFilter[] } {
  const mutability = StoredMutability.parse(row.imageTagMutability);
  let filters: ExclusionFilter[] = [];
  if (row.tagMutabilityExclusions) {
    const parsed = StoredFilters.safeParse(JSON.parse(row.tagMutabilityExclusions));
    if (parsed.success) filters = parsed.data;
  }
  return { mutability, filters };
}

/** ECR's Docker-protocol wording for a refused overwrite [O]. */
export function immutableTagMessage(tag: string, repositoryName: string): string {
  return `The image tag '${tag}' already exists in the '${repositoryName}' repository and cannot be overwritten because the repository is immutable.`;
}
