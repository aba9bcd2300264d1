// The one permission check of every ECR operation, on every face (JSON API, console, OCI /v2/).
// Evaluation (ecr-spec §5): an explicit Deny in any policy wins; otherwise an Allow in the caller's
// identity policies OR the repository policy OR the registry policy; otherwise an implicit deny.
import { evaluateAccess, parsePolicyDocument, type Decision, type PolicySource } from "./iam";
import { repositoryArn } from "./arns";
import type { EcrContext } from "./context";
import { EcrError } from "./errors";

/**
 * [A] The learner acts as the account's root user: allowed everything except what a repository
 * or registry policy explicitly denies, and never locked out of managing the repository policy
 * itself (the lock-out protection SetRepositoryPolicy's `force` flag is about).
 */
const ROOT_ALWAYS_ALLOWED = new Set(["ecr:SetRepositoryPolicy", "ecr:GetRepositoryPolicy", "ecr:DeleteRepositoryPolicy", "ecr:PutRegistryPolicy", "ecr:GetRegistryPolicy", "ecr:DeleteRegistryPolicy"]);

async function policiesFor(ctx: EcrContext, repositoryName: string | null): Promise<PolicySource[]> {
  const { db } = ctx.deps;
  const sources: PolicySource[] = [];
  const [identity, repoPolicy, registry] = await Promise.all([
    ctx.principal.iamUserId ? db.iamUserPolicy.findMany({ where: { iamUserId: ctx.principal.iamUserId }, orderBy: { name: "asc" } }) : Promise.resolve([]),
    repositoryName ? db.repositoryPolicy.findFirst({ where: { repository: { accountId: ctx.accountId, name: repositoryName } } }) : Promise.resolve(null),
    db.registrySettings.findUnique({ where: { accountId: ctx.accountId }, select: { registryPolicyText: true } }),
  ]);
  // Stored documents were validated when saved; one that no longer parses is skipped, not fatal.
  const add = (source: PolicySource["source"], name: string, text: string, kind: "identity" | "resource") => {
    try {
      sources.push({ source, name, document: parsePolicyDocument(text, kind) });
    } catch {
      /* invalid stored policy: contributes nothing */
    }
  };
  for (const p of identity) add("identity", p.name, p.document, "identity");
  if (repoPolicy) add("resource", "repository policy", repoPolicy.text, "resource");
  if (registry?.registryPolicyText) add("registry", "registry policy", registry.registryPolicyText, "resource");
  return sources;
}

export async function checkAccess(ctx: EcrContext, action: string, repositoryName: string | null): Promise<Decision> {
  const resourceArn = repositoryName ? repositoryArn(ctx.region, ctx.accountId, repositoryName) : "*";
  const policies = await policiesFor(ctx, repositoryName);
  const context: Record<string, string> = { "aws:PrincipalArn": ctx.principal.arn, "aws:PrincipalAccount": ctx.accountId, "aws:CurrentTime": ctx.deps.clock.now().toISOString() };
  if (ctx.principal.userName) context["aws:username"] = ctx.principal.userName;
  if (ctx.sourceIp) context["aws:SourceIp"] = ctx.sourceIp;
  const decision = evaluateAccess({ principalArn: ctx.principal.arn, principalAccount: ctx.accountId, action, resourceArn, context }, policies);
  if (ctx.principal.iamUserId === null && decision.decision === "ImplicitDeny") return { ...decision, decision: "Allow" };
  return decision;
}

export async function authorize(ctx: EcrContext, action: string, repositoryName: string | null): Promise<void> {
  if (ctx.principal.iamUserId === null && ROOT_ALWAYS_ALLOWED.has(action)) return;
  const decision = await checkAccess(ctx, action, repositoryName);
  if (decision.decision === "Allow") return;
  const resource = repositoryName ? repositoryArn(ctx.region, ctx.accountId, repositoryName) : "*";
  const why =
    decision.decision === "ExplicitDeny"
      ? `with an explicit deny in ${decision.decidedBy?.source === "identity" ? "an identity-based policy" : "a resource-based policy"}`
      : "because no identity-based policy allows the " + action + " action";
  throw new EcrError("AccessDeniedException", `User: ${ctx.principal.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`);
}
