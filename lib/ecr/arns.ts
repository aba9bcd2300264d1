// ARNs and URIs of the simulated ECR (ecr-spec §3.1). The host part of a repository URI is the
// real AWS form; the sandbox serves it at its own origin (see registryHost in the faces).

export function repositoryArn(region: string, accountId: string, name: string): string {
  return `arn:aws:ecr:${region}:${accountId}:repository/${name}`;
}

export function repositoryUri(region: string, accountId: string, name: string): string {
  return `${accountId}.dkr.ecr.${region}.amazonaws.com/${name}`;
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function iamUserArn(accountId: string, userName: string): string {
  return `arn:aws:iam::${accountId}:user/${userName}`;
}

const REPOSITORY_ARN = /^arn:aws:ecr:([a-z0-9-]+):(\d{12}):repository\/(.+)$/;

export function parseRepositoryArn(arn: string): { region: string; accountId: string; name: string } | null {
  const m = REPOSITORY_ARN.exec(arn);
  return m?.[1] && m[2] && m[3] ? { region: m[1], accountId: m[2], name: m[3] } : null;
}
