// Policy evaluation for the simulated ECR (ecr-spec §5, standard IAM logic):
//   1. an explicit Deny in any applicable statement wins;
//   2. same account: an Allow from an identity, repository or registry policy suffices;
//   3. cross-account (caller's account ≠ the repository's): an Allow is needed from a
//      resource-side policy (repository or registry) AND from the caller's identity policy;
//   4. otherwise the request is implicitly denied.
// SCPs, permission boundaries and session policies are not modelled.

import { arnAccount, matchArnTokens } from "./arn";
import { evaluateClause } from "./condition-operators";
import { globMatch } from "./glob";
import { type ContextValues, resolvePattern } from "./policy-variables";
import type { PolicyDocument, PolicyStatement, ValueList } from "./policy-types";
import { namesOnlyThroughAccount, principalMatches } from "./principal";

export type AuthorizationRequest = {
  /** e.g. "arn:aws:iam::123456789012:user/ci-bot" or "arn:aws:iam::123456789012:root" */
  principalArn: string;
  /** "123456789012" */
  principalAccount: string;
  /** "ecr:BatchGetImage" */
  action: string;
  /** "arn:aws:ecr:us-east-1:123456789012:repository/app/web", or "*" for actions without a resource (GetAuthorizationToken) */
  resourceArn: string;
  /** Condition keys, e.g. {"aws:SourceIp": "10.0.0.1"}; names are matched case-insensitively. */
  context?: Record<string, string | string[] | undefined>;
};

export type PolicySource = { source: "identity" | "resource" | "registry"; name: string; document: PolicyDocument };

export type StatementRef = { source: PolicySource["source"]; name: string; statementIndex: number; sid?: string };

export type Decision = {
  decision: "Allow" | "ExplicitDeny" | "ImplicitDeny";
  /** The statement that decided: the matching Deny, or the first matching Allow; absent for ImplicitDeny. */
  decidedBy?: StatementRef;
  /** Every statement that matched, for a policy simulator to show. */
  matched: (StatementRef & { effect: "Allow" | "Deny" })[];
};

/**
 * The request context IAM would build: the caller's keys plus aws:PrincipalArn,
 * aws:PrincipalAccount and (for IAM users) aws:username, unless the caller supplied them.
 */
function buildContext(request: AuthorizationRequest): ContextValues {
  const context = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(request.context ?? {})) {
    if (value === undefined) continue;
    context.set(key.toLowerCase(), typeof value === "string" ? [value] : value);
  }
  const defaults: [string, string | undefined][] = [
    ["aws:principalarn", request.principalArn],
    ["aws:principalaccount", request.principalAccount],
    ["aws:username", /^arn:aws[a-z-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(request.principalArn)?.[1]],
  ];
  for (const [key, value] of defaults) {
    if (value !== undefined && value !== "" && !context.has(key)) context.set(key, [value]);
  }
  return context;
}

function actionMatches(list: ValueList, action: string): boolean {
  // Action names are case-insensitive in IAM.
  const named = list.values.some((pattern) => globMatch(pattern, action, true));
  return list.negated ? !named : named;
}

function resourceMatches(list: ValueList, resourceArn: string, context: ContextValues, variables: boolean): boolean {
  const named = list.values.some((pattern) => {
    if (pattern === "*") return true;
    // Actions without resource-level permissions (resource "*") are granted only by Resource "*".
    if (resourceArn === "*") return false;
    const tokens = resolvePattern(pattern, context, variables);
    return tokens !== undefined && matchArnTokens(tokens, resourceArn);
  });
  return list.negated ? !named : named;
}

function statementApplies(
  statement: PolicyStatement,
  source: PolicySource["source"],
  request: AuthorizationRequest,
  context: ContextValues,
  variables: boolean,
): boolean {
  if (source !== "identity") {
    // A resource-side statement without a Principal can name nobody.
    if (statement.principal === undefined || !principalMatches(statement.principal, request)) return false;
  }
  if (!actionMatches(statement.action, request.action)) return false;
  if (statement.resource === undefined) {
    // Repository/registry policies need no Resource: they cover what they are attached to.
    if (source === "identity") return false;
  } else if (!resourceMatches(statement.resource, request.resourceArn, context, variables)) {
    return false;
  }
  return statement.conditions.every((clause) => evaluateClause(clause, context, variables));
}

export function evaluateAccess(request: AuthorizationRequest, policies: readonly PolicySource[]): Decision {
  const context = buildContext(request);
  const matched: Decision["matched"] = [];
  const delegating = new Set<Decision["matched"][number]>();
  for (const policy of policies) {
    const variables = policy.document.version === "2012-10-17";
    policy.document.statements.forEach((statement, statementIndex) => {
      if (!statementApplies(statement, policy.source, request, context, variables)) return;
      const entry: Decision["matched"][number] = {
        source: policy.source,
        name: policy.name,
        statementIndex,
        ...(statement.sid === undefined ? {} : { sid: statement.sid }),
        effect: statement.effect,
      };
      matched.push(entry);
      if (policy.source !== "identity" && statement.principal && namesOnlyThroughAccount(statement.principal, request)) delegating.add(entry);
    });
  }

  const ref = (m: Decision["matched"][number]): StatementRef => ({
    source: m.source,
    name: m.name,
    statementIndex: m.statementIndex,
    ...(m.sid === undefined ? {} : { sid: m.sid }),
  });
  const deny = matched.find((m) => m.effect === "Deny");
  if (deny !== undefined) return { decision: "ExplicitDeny", decidedBy: ref(deny), matched };

  const allows = matched.filter((m) => m.effect === "Allow");
  const resourceAccount = arnAccount(request.resourceArn);
  const crossAccount = resourceAccount !== undefined && resourceAccount !== request.principalAccount;
  // Same account: an Allow that names the caller (or "*") grants on its own; one that names only
  // the caller's account delegates to the account's identity policies and grants nothing alone.
  const grantsAlone = (m: Decision["matched"][number]) => m.source === "identity" || !delegating.has(m);
  const allowed = crossAccount
    ? allows.some((m) => m.source === "identity") && allows.some((m) => m.source !== "identity")
    : allows.some(grantsAlone);
  const first = crossAccount ? allows[0] : allows.find(grantsAlone);
  return allowed && first !== undefined ? { decision: "Allow", decidedBy: ref(first), matched } : { decision: "ImplicitDeny", matched };
}
