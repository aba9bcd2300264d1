// Repository names and tags, as ECR (and the OCI distribution spec) accept them.
/** The ECR API model pattern (also the OCI name grammar); length 2–256. @see ecr-spec §3.1 */
export const REPOSITORY_NAME_PATTERN = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** OCI tag grammar (Docker clients enforce the same). */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function isValidRepositoryName(name: string): boolean {
  return name.length >= 2 && name.length <= 256 && REPOSITORY_NAME_PATTERN.test(name);
}

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

/** Why a name is invalid, in words a learner can act on. */
export function repositoryNameProblem(name: string): string | null {
  if (name.length < 2 || name.length > 256) return "Repository names are 2 to 256 characters long.";
  if (/[A-Z]/.test(name)) return "Repository names use lower-case letters only.";
  if (!REPOSITORY_NAME_PATTERN.test(name))
    return "Use lower-case letters, digits, and the separators . _ - between them; / separates namespaces (e.g. team-a/web-app). A name cannot start or end with a separator.";
  return null;
}
