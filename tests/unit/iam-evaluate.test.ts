import { describe, expect, it } from "vitest";
import {
  ECR_ACTIONS,
  ECR_OPERATIONS,
  MANAGED_POLICIES,
  PULL_ACTIONS,
  PUSH_ACTIONS,
  accessDeniedError,
  actionForOperation,
  evaluateAccess,
  isKnownEcrAction,
  parsePolicyDocument,
  type AuthorizationRequest,
  type Decision,
  type ManagedPolicyName,
  type PolicySource,
} from "@/lib/ecr/iam";
import { isEcrError } from "@/lib/ecr/errors";

const ACCOUNT = "123456789012";
const OTHER = "210987654321";
const repoArn = (name: string, account = ACCOUNT) => `arn:aws:ecr:us-east-1:${account}:repository/${name}`;
const userArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:user/${name}`;

function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return { principalArn: userArn("dev"), principalAccount: ACCOUNT, action: "ecr:BatchGetImage", resourceArn: repoArn("app/web"), ...overrides };
}

type Statements = Record<string, unknown>[];
/** `version` null omits the Version element. */
const policyText = (statements: Statements, version: string | null = "2012-10-17") =>
  JSON.stringify(version === null ? { Statement: statements } : { Version: version, Statement: statements });

const identity = (name: string, statements: Statements, version?: string | null): PolicySource => ({
  source: "identity",
  name,
  document: parsePolicyDocument(policyText(statements, version), "identity"),
});
const repository = (name: string, statements: Statements, version?: string | null): PolicySource => ({
  source: "resource",
  name,
  document: parsePolicyDocument(policyText(statements, version), "resource"),
});
const registry = (name: string, statements: Statements): PolicySource => ({
  source: "registry",
  name,
  document: parsePolicyDocument(policyText(statements), "resource"),
});
const managed = (name: ManagedPolicyName): PolicySource => ({
  source: "identity",
  name,
  document: parsePolicyDocument(MANAGED_POLICIES[name].document, "identity"),
});

const allowIdentity = (fields: Record<string, unknown> = {}) => ({ Effect: "Allow", Action: "ecr:*", Resource: "*", ...fields });
const allowResource = (fields: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: "*", Action: "ecr:*", ...fields });

const decide = (req: AuthorizationRequest, policies: PolicySource[]): Decision["decision"] => evaluateAccess(req, policies).decision;

describe("evaluateAccess: the decision order", () => {
  it("denies implicitly when nothing applies", () => {
    expect(evaluateAccess(request(), [])).toEqual({ decision: "ImplicitDeny", matched: [] });
    expect(decide(request(), [identity("pull", [allowIdentity({ Action: "ecr:PutImage" })])])).toBe("ImplicitDeny");
  });

  it("allows through an identity policy alone", () => {
    const decision = evaluateAccess(request(), [identity("dev-policy", [allowIdentity({ Sid: "Pull" })])]);
    expect(decision.decision).toBe("Allow");
    expect(decision.decidedBy).toEqual({ source: "identity", name: "dev-policy", statementIndex: 0, sid: "Pull" });
  });

  it("allows through a repository policy alone for a same-account principal", () => {
    const decision = evaluateAccess(request(), [repository("app/web", [allowResource({ Principal: { AWS: userArn("dev") } })])]);
    expect(decision.decision).toBe("Allow");
    expect(decision.decidedBy).toEqual({ source: "resource", name: "app/web", statementIndex: 0 });
  });

  it("allows through a registry policy alone when it names the caller", () => {
    expect(decide(request(), [registry("registry", [allowResource({ Principal: { AWS: request().principalArn } })])])).toBe("Allow");
  });

  it("a statement naming only the caller's account delegates to identity policies: it grants nothing alone", () => {
    const accountWide = registry("registry", [allowResource({ Principal: { AWS: ACCOUNT } })]);
    expect(decide(request(), [accountWide])).toBe("ImplicitDeny");
    expect(decide(request(), [identity("pull", [allowIdentity()]), accountWide])).toBe("Allow");
  });

  it("lets an explicit Deny in any source beat an Allow in any other", () => {
    const allowAll = identity("admin", [allowIdentity()]);
    const repoDeny = repository("app/web", [{ Sid: "NoPull", Effect: "Deny", Principal: "*", Action: "ecr:BatchGetImage" }]);
    const registryDeny = registry("registry", [{ Effect: "Deny", Principal: { AWS: ACCOUNT }, Action: "ecr:*" }]);
    const identityDeny = identity("guardrail", [{ Effect: "Deny", Action: "ecr:BatchGetImage", Resource: "*" }]);
    const repoAllow = repository("app/web", [allowResource()]);

    expect(evaluateAccess(request(), [allowAll, repoDeny])).toMatchObject({
      decision: "ExplicitDeny",
      decidedBy: { source: "resource", name: "app/web", statementIndex: 0, sid: "NoPull" },
    });
    expect(evaluateAccess(request(), [allowAll, registryDeny]).decidedBy).toEqual({ source: "registry", name: "registry", statementIndex: 0 });
    expect(evaluateAccess(request(), [repoAllow, identityDeny]).decidedBy).toEqual({ source: "identity", name: "guardrail", statementIndex: 0 });
  });

  it("lists every matched statement and picks the first Allow in policy order", () => {
    const decision = evaluateAccess(request(), [
      identity("a", [allowIdentity({ Sid: "Put", Action: "ecr:PutImage" }), allowIdentity({ Sid: "Pull", Action: "ecr:BatchGetImage" })]),
      repository("app/web", [allowResource({ Sid: "Everyone" })]),
    ]);
    expect(decision.decidedBy).toEqual({ source: "identity", name: "a", statementIndex: 1, sid: "Pull" });
    expect(decision.matched).toEqual([
      { source: "identity", name: "a", statementIndex: 1, sid: "Pull", effect: "Allow" },
      { source: "resource", name: "app/web", statementIndex: 0, sid: "Everyone", effect: "Allow" },
    ]);
  });

  it("names the Deny as decider even when Allows come first", () => {
    const decision = evaluateAccess(request(), [
      identity("a", [allowIdentity({ Sid: "All" }), { Sid: "NoPull", Effect: "Deny", Action: "ecr:BatchGetImage", Resource: "*" }]),
    ]);
    expect(decision.decision).toBe("ExplicitDeny");
    expect(decision.decidedBy).toEqual({ source: "identity", name: "a", statementIndex: 1, sid: "NoPull" });
    expect(decision.matched.map((m) => m.effect)).toEqual(["Allow", "Deny"]);
  });
});

describe("evaluateAccess: cross-account callers need both sides", () => {
  const external = request({ principalArn: userArn("deployer", OTHER), principalAccount: OTHER });
  const repoAllowsOther = repository("app/web", [allowResource({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: PULL_ACTIONS })]);
  const theirIdentity = identity("their-policy", [allowIdentity()]);

  it("allows when the repository policy and the caller's identity policy both allow", () => {
    expect(decide(external, [repoAllowsOther, theirIdentity])).toBe("Allow");
  });

  it("denies with only the repository policy, or only the identity policy", () => {
    expect(decide(external, [repoAllowsOther])).toBe("ImplicitDeny");
    expect(decide(external, [theirIdentity])).toBe("ImplicitDeny");
  });

  it("counts a registry policy as the resource side", () => {
    const registryAllowsOther = registry("registry", [allowResource({ Principal: { AWS: OTHER }, Resource: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/*` })]);
    expect(decide(external, [registryAllowsOther, theirIdentity])).toBe("Allow");
  });

  it("treats a request on resource * as same-account", () => {
    expect(decide({ ...external, action: "ecr:GetAuthorizationToken", resourceArn: "*" }, [theirIdentity])).toBe("Allow");
  });
});

describe("evaluateAccess: actions", () => {
  const allowing = (Action: unknown) => [identity("p", [allowIdentity({ Action })])];

  it.each([
    ["ecr:Batch*", "ecr:BatchGetImage", true],
    ["ecr:Batch*", "ecr:BatchCheckLayerAvailability", true],
    ["ecr:Batch*", "ecr:GetDownloadUrlForLayer", false],
    ["ecr:Get*", "ecr:GetDownloadUrlForLayer", true],
    ["ecr:Get*", "ecr:GetAuthorizationToken", true],
    ["ecr:Get*", "ecr:PutImage", false],
    ["ecr:*", "ecr:DeleteRepository", true],
    ["*", "ecr:DeleteRepository", true],
    ["ecr:?utImage", "ecr:PutImage", true],
    ["ecr:?utImage", "ecr:PutImageTagMutability", false],
    ["ecr:Put?mage", "ecr:PutImage", true],
    ["ecr:PutImage", "ecr:PutImageScanningConfiguration", false],
    ["s3:*", "ecr:PutImage", false],
    ["ecr-public:*", "ecr:PutImage", false],
    ["ECR:BATCHGETIMAGE", "ecr:BatchGetImage", true],
    ["ecr:batchgetimage", "ECR:BatchGetImage", true],
  ])("Action %s on %s → %s", (pattern, action, allowed) => {
    expect(decide(request({ action }), allowing(pattern))).toBe(allowed ? "Allow" : "ImplicitDeny");
  });

  it("NotAction allows everything except the listed actions", () => {
    const policies = [identity("p", [{ Effect: "Allow", NotAction: ["ecr:Delete*", "ecr:SetRepositoryPolicy"], Resource: "*" }])];
    expect(decide(request({ action: "ecr:BatchGetImage" }), policies)).toBe("Allow");
    expect(decide(request({ action: "ecr:DeleteRepository" }), policies)).toBe("ImplicitDeny");
    expect(decide(request({ action: "ecr:setrepositorypolicy" }), policies)).toBe("ImplicitDeny");
  });

  it("a Deny with NotAction denies everything except the listed actions", () => {
    const policies = [identity("p", [allowIdentity(), { Effect: "Deny", NotAction: PULL_ACTIONS, Resource: "*" }])];
    expect(decide(request({ action: "ecr:BatchGetImage" }), policies)).toBe("Allow");
    expect(decide(request({ action: "ecr:PutImage" }), policies)).toBe("ExplicitDeny");
  });
});

describe("evaluateAccess: resources", () => {
  const allowing = (Resource: unknown) => [identity("p", [allowIdentity({ Resource })])];
  const teamA = "arn:aws:ecr:us-east-1:123456789012:repository/team-a/*";

  it.each([
    [teamA, repoArn("team-a/web"), true],
    [teamA, repoArn("team-b/web"), false],
    [teamA, repoArn("team-a"), false],
    [teamA, repoArn("team-a/web", OTHER), false],
    ["arn:aws:ecr:*:123456789012:repository/*", repoArn("anything/deep/name"), true],
    ["arn:aws:ecr:us-?ast-1:123456789012:repository/app/web", repoArn("app/web"), true],
    ["arn:aws:ecr:us-east-1:123456789012:repository/App/web", repoArn("app/web"), false],
    // A wildcard stays inside its colon-separated segment: a whole-string glob would match here.
    ["arn:aws:*:*:123456789012:repository/x", "arn:aws:ecr:us-east-1:extra:123456789012:repository/x", false],
    ["arn:aws:ecr:us-east-1:123456789012:*", repoArn("app/web"), true],
    ["*", repoArn("app/web"), true],
  ])("Resource %s on %s → %s", (pattern, resourceArn, allowed) => {
    expect(decide(request({ resourceArn }), allowing(pattern))).toBe(allowed ? "Allow" : "ImplicitDeny");
  });

  it("grants actions without a resource (GetAuthorizationToken) only through Resource *", () => {
    const token = request({ action: "ecr:GetAuthorizationToken", resourceArn: "*" });
    expect(decide(token, allowing("*"))).toBe("Allow");
    expect(decide(token, allowing("arn:aws:ecr:us-east-1:123456789012:repository/*"))).toBe("ImplicitDeny");
  });

  it("NotResource matches every resource except those listed", () => {
    const policies = [identity("p", [{ Effect: "Allow", Action: "ecr:*", NotResource: teamA }])];
    expect(decide(request({ resourceArn: repoArn("team-b/web") }), policies)).toBe("Allow");
    expect(decide(request({ resourceArn: repoArn("team-a/web") }), policies)).toBe("ImplicitDeny");
  });

  it("a repository policy statement without Resource covers its repository", () => {
    expect(decide(request({ resourceArn: repoArn("any/name") }), [repository("any/name", [allowResource()])])).toBe("Allow");
  });

  it("a repository policy statement with Resource is still checked against it", () => {
    const policies = [repository("app/web", [allowResource({ Resource: repoArn("other") })])];
    expect(decide(request(), policies)).toBe("ImplicitDeny");
  });
});

describe("evaluateAccess: principals in resource policies", () => {
  const withPrincipal = (Principal: unknown) => [repository("app/web", [allowResource({ Principal })])];

  it.each([
    ["*", userArn("dev"), ACCOUNT, true],
    [{ AWS: "*" }, userArn("dev", OTHER), OTHER, true],
    // Naming the account delegates to its IAM policies: alone it grants IAM users nothing.
    [{ AWS: ACCOUNT }, userArn("dev"), ACCOUNT, false],
    [{ AWS: ACCOUNT }, `arn:aws:iam::${ACCOUNT}:role/build`, ACCOUNT, false],
    [{ AWS: `arn:aws:iam::${ACCOUNT}:root` }, userArn("anyone"), ACCOUNT, false],
    [{ AWS: ACCOUNT }, `arn:aws:iam::${ACCOUNT}:root`, ACCOUNT, true],
    [{ AWS: `arn:aws:iam::${ACCOUNT}:root` }, userArn("dev", OTHER), OTHER, false],
    [{ AWS: userArn("dev") }, userArn("dev"), ACCOUNT, true],
    [{ AWS: userArn("dev") }, userArn("ci-bot"), ACCOUNT, false],
    [{ AWS: userArn("Dev") }, userArn("dev"), ACCOUNT, false],
    [{ AWS: [userArn("ci-bot"), userArn("dev")] }, userArn("dev"), ACCOUNT, true],
    [{ Service: "ec2.amazonaws.com" }, userArn("dev"), ACCOUNT, false],
  ])("Principal %j for %s → %s", (principal, principalArn, principalAccount, allowed) => {
    // Same-account calls only, so the resource policy alone decides (cross-account has its own tests).
    const req = request({ principalArn, principalAccount, resourceArn: repoArn("app/web", principalAccount) });
    expect(decide(req, withPrincipal(principal))).toBe(allowed ? "Allow" : "ImplicitDeny");
  });

  it("NotPrincipal applies to everyone except the listed principals", () => {
    const policies = [identity("all", [allowIdentity()]), repository("app/web", [{ Effect: "Deny", NotPrincipal: { AWS: userArn("ci-bot") }, Action: "ecr:PutImage" }])];
    expect(decide(request({ action: "ecr:PutImage", principalArn: userArn("ci-bot") }), policies)).toBe("Allow");
    expect(decide(request({ action: "ecr:PutImage", principalArn: userArn("dev") }), policies)).toBe("ExplicitDeny");
  });

  it("ignores identity policies' lack of Principal: they apply to whoever holds them", () => {
    expect(decide(request({ principalArn: userArn("someone") }), [identity("p", [allowIdentity()])])).toBe("Allow");
  });
});

describe("evaluateAccess: condition operators", () => {
  type Case = [string, Record<string, unknown>, AuthorizationRequest["context"], boolean];
  const cases: Case[] = [
    ["StringEquals matches exactly", { StringEquals: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "build" }, true],
    ["StringEquals is case-sensitive", { StringEquals: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "Build" }, false],
    ["StringEquals treats * literally", { StringEquals: { "aws:PrincipalTag/team": "b*" } }, { "aws:PrincipalTag/team": "build" }, false],
    ["StringEquals ORs its values", { StringEquals: { "aws:PrincipalTag/team": ["ops", "build"] } }, { "aws:PrincipalTag/team": "build" }, true],
    ["StringEquals is false for a missing key", { StringEquals: { "aws:PrincipalTag/team": "build" } }, {}, false],
    ["StringNotEquals on another value", { StringNotEquals: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "ops" }, true],
    ["StringNotEquals on the same value", { StringNotEquals: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "build" }, false],
    ["StringNotEquals with a missing key", { StringNotEquals: { "aws:PrincipalTag/team": "build" } }, {}, true],
    ["StringEqualsIgnoreCase", { StringEqualsIgnoreCase: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "BUILD" }, true],
    ["StringNotEqualsIgnoreCase on the same value", { StringNotEqualsIgnoreCase: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "BuIlD" }, false],
    ["StringNotEqualsIgnoreCase with a missing key", { StringNotEqualsIgnoreCase: { "aws:PrincipalTag/team": "build" } }, {}, true],
    ["StringLike with *", { StringLike: { "aws:PrincipalTag/team": "team-*" } }, { "aws:PrincipalTag/team": "team-a" }, true],
    ["StringLike with ?", { StringLike: { "aws:PrincipalTag/team": "team-?" } }, { "aws:PrincipalTag/team": "team-ab" }, false],
    ["StringLike is case-sensitive", { StringLike: { "aws:PrincipalTag/team": "team-*" } }, { "aws:PrincipalTag/team": "TEAM-a" }, false],
    ["StringNotLike on a match", { StringNotLike: { "aws:PrincipalTag/team": "team-*" } }, { "aws:PrincipalTag/team": "team-a" }, false],
    ["StringNotLike with a missing key", { StringNotLike: { "aws:PrincipalTag/team": "team-*" } }, {}, true],
    ["ArnEquals", { ArnEquals: { "aws:SourceArn": "arn:aws:iam::123456789012:role/build" } }, { "aws:SourceArn": "arn:aws:iam::123456789012:role/build" }, true],
    ["ArnLike within a segment", { ArnLike: { "aws:SourceArn": "arn:aws:iam::*:role/*" } }, { "aws:SourceArn": "arn:aws:iam::123456789012:role/build" }, true],
    ["ArnLike on another service", { ArnLike: { "aws:SourceArn": "arn:aws:iam::*:role/*" } }, { "aws:SourceArn": "arn:aws:sts::123456789012:role/build" }, false],
    ["ArnLike against a non-ARN", { ArnLike: { "aws:SourceArn": "arn:aws:iam::*:role/*" } }, { "aws:SourceArn": "role/build" }, false],
    ["ArnNotEquals on a match", { ArnNotEquals: { "aws:SourceArn": "arn:aws:iam::123456789012:role/build" } }, { "aws:SourceArn": "arn:aws:iam::123456789012:role/build" }, false],
    ["ArnNotEquals with a missing key", { ArnNotEquals: { "aws:SourceArn": "arn:aws:iam::123456789012:role/build" } }, {}, true],
    ["ArnNotLike on another ARN", { ArnNotLike: { "aws:SourceArn": "arn:aws:iam::*:role/*" } }, { "aws:SourceArn": "arn:aws:iam::123456789012:user/x" }, true],
    ["Bool true", { Bool: { "aws:SecureTransport": true } }, { "aws:SecureTransport": "true" }, true],
    ["Bool compares case-insensitively", { Bool: { "aws:SecureTransport": "True" } }, { "aws:SecureTransport": "TRUE" }, true],
    ["Bool false", { Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "false" }, false],
    ["Bool with a missing key", { Bool: { "aws:SecureTransport": "true" } }, {}, false],
    ["BoolIfExists with a missing key", { BoolIfExists: { "aws:SecureTransport": "true" } }, {}, true],
    ["BoolIfExists with a present, different value", { BoolIfExists: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "false" }, false],
    ["IpAddress inside the block", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "10.200.3.4" }, true],
    ["IpAddress outside the block", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "11.0.0.1" }, false],
    ["IpAddress at a /24 boundary", { IpAddress: { "aws:SourceIp": "192.0.2.0/24" } }, { "aws:SourceIp": "192.0.3.0" }, false],
    ["IpAddress ignores host bits in the block", { IpAddress: { "aws:SourceIp": "192.0.2.77/24" } }, { "aws:SourceIp": "192.0.2.1" }, true],
    ["IpAddress with a bare address is /32", { IpAddress: { "aws:SourceIp": "203.0.113.7" } }, { "aws:SourceIp": "203.0.113.8" }, false],
    ["IpAddress /0 matches any IPv4", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, { "aws:SourceIp": "255.255.255.255" }, true],
    ["IpAddress with a non-IP value", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, { "aws:SourceIp": "localhost" }, false],
    ["NotIpAddress outside the block", { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "11.0.0.1" }, true],
    ["NotIpAddress with a missing key", { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, {}, true],
    ["NumericLessThan", { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }, { "aws:MultiFactorAuthAge": "100" }, true],
    ["NumericLessThan at the bound", { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }, { "aws:MultiFactorAuthAge": "3600" }, false],
    ["NumericLessThanEquals at the bound", { NumericLessThanEquals: { "aws:MultiFactorAuthAge": 3600 } }, { "aws:MultiFactorAuthAge": "3600" }, true],
    ["NumericGreaterThan", { NumericGreaterThan: { "ecr:count": "2" } }, { "ecr:count": "2.5" }, true],
    ["NumericGreaterThanEquals", { NumericGreaterThanEquals: { "ecr:count": "2" } }, { "ecr:count": "1" }, false],
    ["NumericEquals", { NumericEquals: { "ecr:count": "2" } }, { "ecr:count": "2.0" }, true],
    ["NumericNotEquals with a missing key", { NumericNotEquals: { "ecr:count": "2" } }, {}, true],
    ["Numeric with a non-numeric value", { NumericLessThan: { "ecr:count": "5" } }, { "ecr:count": "three" }, false],
    ["Null true on a missing key", { Null: { "aws:TokenIssueTime": "true" } }, {}, true],
    ["Null true on a present key", { Null: { "aws:TokenIssueTime": "true" } }, { "aws:TokenIssueTime": "2024-01-01" }, false],
    ["Null false on a present key", { Null: { "aws:TokenIssueTime": "false" } }, { "aws:TokenIssueTime": "2024-01-01" }, true],
    ["StringEqualsIfExists with a missing key", { StringEqualsIfExists: { "aws:PrincipalTag/team": "build" } }, {}, true],
    ["StringEqualsIfExists with a different value", { StringEqualsIfExists: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": "ops" }, false],
    ["ForAnyValue with one overlap", { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env", "team"] } }, { "aws:TagKeys": ["team", "cost"] }, true],
    ["ForAnyValue with no overlap", { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env", "team"] } }, { "aws:TagKeys": ["cost"] }, false],
    ["ForAnyValue with a missing key", { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env", "team"] } }, {}, false],
    ["ForAnyValue…IfExists with a missing key", { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "env" } }, {}, true],
    ["ForAnyValue:StringNotEquals needs one value outside the list", { "ForAnyValue:StringNotEquals": { "aws:TagKeys": "env" } }, { "aws:TagKeys": ["env", "x"] }, true],
    ["ForAllValues with a subset", { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } }, { "aws:TagKeys": ["env"] }, true],
    ["ForAllValues with a value outside the list", { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } }, { "aws:TagKeys": ["env", "cost"] }, false],
    ["ForAllValues with a missing key", { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } }, {}, true],
    ["ForAllValues:StringLike", { "ForAllValues:StringLike": { "aws:TagKeys": "team-*" } }, { "aws:TagKeys": ["team-a", "team-b"] }, true],
    ["condition key names are case-insensitive", { IpAddress: { "AWS:SOURCEIP": "10.0.0.0/8" } }, { "aws:sourceip": "10.0.0.1" }, true],
    ["an undefined context value counts as missing", { StringEquals: { "aws:PrincipalTag/team": "build" } }, { "aws:PrincipalTag/team": undefined }, false],
    ["operators AND together (both hold)", { Bool: { "aws:SecureTransport": "true" }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SecureTransport": "true", "aws:SourceIp": "10.0.0.1" }, true],
    ["operators AND together (one fails)", { Bool: { "aws:SecureTransport": "true" }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SecureTransport": "true", "aws:SourceIp": "8.8.8.8" }, false],
    ["keys within an operator AND together", { StringEquals: { "aws:PrincipalTag/team": "build", "aws:PrincipalTag/env": "prod" } }, { "aws:PrincipalTag/team": "build", "aws:PrincipalTag/env": "dev" }, false],
  ];

  it.each(cases)("%s", (_name, Condition, context, allowed) => {
    const policies = [identity("p", [allowIdentity({ Condition })])];
    expect(decide(request({ context }), policies)).toBe(allowed ? "Allow" : "ImplicitDeny");
  });

  it("provides aws:PrincipalArn, aws:PrincipalAccount and aws:username from the request", () => {
    const policies = [
      identity("p", [
        allowIdentity({
          Condition: {
            ArnEquals: { "aws:PrincipalArn": userArn("ci-bot") },
            StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:username": "ci-bot" },
          },
        }),
      ]),
    ];
    expect(decide(request({ principalArn: `arn:aws:iam::${ACCOUNT}:user/automation/ci-bot` }), policies)).toBe("ImplicitDeny");
    expect(decide(request({ principalArn: userArn("ci-bot") }), policies)).toBe("Allow");
  });
});

describe("evaluateAccess: policy variables", () => {
  const own = "arn:aws:ecr:*:${aws:PrincipalAccount}:repository/${aws:username}/*";

  it("substitutes ${aws:username} and ${aws:PrincipalAccount} in Resource under Version 2012-10-17", () => {
    const policies = [identity("p", [allowIdentity({ Resource: own })])];
    const ciBot = { principalArn: userArn("ci-bot") };
    expect(decide(request({ ...ciBot, resourceArn: repoArn("ci-bot/app") }), policies)).toBe("Allow");
    expect(decide(request({ ...ciBot, resourceArn: repoArn("dev/app") }), policies)).toBe("ImplicitDeny");
    expect(decide(request({ ...ciBot, resourceArn: repoArn("ci-bot/app", OTHER) }), policies)).toBe("ImplicitDeny");
  });

  it("leaves variables as literal text under Version 2008-10-17 and when Version is omitted", () => {
    for (const version of ["2008-10-17", null]) {
      const policies = [identity("p", [allowIdentity({ Resource: own })], version)];
      expect(decide(request({ principalArn: userArn("ci-bot"), resourceArn: repoArn("ci-bot/app") }), policies)).toBe("ImplicitDeny");
    }
  });

  it("does not treat wildcards inside a substituted value as wildcards", () => {
    const policies = [identity("p", [allowIdentity({ Resource: "arn:aws:ecr:*:*:repository/${aws:username}" })])];
    expect(decide(request({ resourceArn: repoArn("anything"), context: { "aws:username": "*" } }), policies)).toBe("ImplicitDeny");
    expect(decide(request({ resourceArn: repoArn("*"), context: { "aws:username": "*" } }), policies)).toBe("Allow");
  });

  it("makes a statement with an unresolvable variable not match, unless a default is given", () => {
    const noDefault = [identity("p", [allowIdentity({ Resource: "arn:aws:ecr:*:*:repository/${aws:PrincipalTag/team}/*" })])];
    const withDefault = [identity("p", [allowIdentity({ Resource: "arn:aws:ecr:*:*:repository/${aws:PrincipalTag/team, 'shared'}/*" })])];
    expect(decide(request({ resourceArn: repoArn("shared/app") }), noDefault)).toBe("ImplicitDeny");
    expect(decide(request({ resourceArn: repoArn("shared/app") }), withDefault)).toBe("Allow");
    expect(decide(request({ resourceArn: repoArn("web/app"), context: { "aws:PrincipalTag/team": "web" } }), withDefault)).toBe("Allow");
  });

  it("substitutes variables in condition values", () => {
    const policies = [identity("p", [allowIdentity({ Condition: { StringLike: { "aws:PrincipalTag/owner": "${aws:username}-*" } } })])];
    expect(decide(request({ principalArn: userArn("ana"), context: { "aws:PrincipalTag/owner": "ana-team" } }), policies)).toBe("Allow");
    expect(decide(request({ principalArn: userArn("ana"), context: { "aws:PrincipalTag/owner": "bob-team" } }), policies)).toBe("ImplicitDeny");
  });
});

describe("the AWS documentation examples", () => {
  const denyAll = repository("app/web", [
    { Sid: "DenyPull", Effect: "Deny", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] },
  ], "2008-10-17");

  it("Deny all: nobody can pull, even with full access, but other actions still work", () => {
    const admin = managed("AmazonEC2ContainerRegistryFullAccess");
    for (const action of PULL_ACTIONS) {
      expect(evaluateAccess(request({ action }), [admin, denyAll])).toMatchObject({
        decision: "ExplicitDeny",
        decidedBy: { source: "resource", name: "app/web", statementIndex: 0, sid: "DenyPull" },
      });
    }
    expect(decide(request({ action: "ecr:PutImage" }), [admin, denyAll])).toBe("Allow");
  });

  it("IP restriction: requests from outside 192.0.2.0/24 are denied", () => {
    const ipRestriction = repository("app/web", [
      { Sid: "IPAllow", Effect: "Deny", Principal: "*", Action: "ecr:*", Condition: { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" } } },
    ]);
    const dev = managed("AmazonEC2ContainerRegistryPowerUser");
    expect(decide(request({ context: { "aws:SourceIp": "192.0.2.10" } }), [dev, ipRestriction])).toBe("Allow");
    expect(decide(request({ context: { "aws:SourceIp": "203.0.113.5" } }), [dev, ipRestriction])).toBe("ExplicitDeny");
    // No source IP known: NotIpAddress is true for a missing key, so the Deny applies.
    expect(decide(request(), [dev, ipRestriction])).toBe("ExplicitDeny");
  });
});

describe("managed policies", () => {
  const can = (name: ManagedPolicyName, action: string, resourceArn = repoArn("app/web")) =>
    decide(request({ action, resourceArn }), [managed(name)]) === "Allow";

  it("ReadOnly can log in and pull but cannot push", () => {
    expect(can("AmazonEC2ContainerRegistryReadOnly", "ecr:GetAuthorizationToken", "*")).toBe(true);
    for (const action of [...PULL_ACTIONS, "ecr:DescribeRepositories", "ecr:ListImages"]) expect(can("AmazonEC2ContainerRegistryReadOnly", action)).toBe(true);
    for (const action of ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]) {
      expect(can("AmazonEC2ContainerRegistryReadOnly", action)).toBe(false);
    }
  });

  it("PowerUser can push and pull, but cannot delete repositories or change policies", () => {
    for (const action of [...PUSH_ACTIONS, ...PULL_ACTIONS]) expect(can("AmazonEC2ContainerRegistryPowerUser", action)).toBe(true);
    expect(can("AmazonEC2ContainerRegistryPowerUser", "ecr:DeleteRepository")).toBe(false);
    expect(can("AmazonEC2ContainerRegistryPowerUser", "ecr:SetRepositoryPolicy")).toBe(false);
  });

  it("FullAccess can do every ECR action", () => {
    for (const action of ECR_ACTIONS) expect(can("AmazonEC2ContainerRegistryFullAccess", action)).toBe(true);
  });

  it("PullOnly can pull only", () => {
    expect(can("AmazonEC2ContainerRegistryPullOnly", "ecr:GetAuthorizationToken", "*")).toBe(true);
    for (const action of PULL_ACTIONS) expect(can("AmazonEC2ContainerRegistryPullOnly", action)).toBe(true);
    for (const action of ["ecr:PutImage", "ecr:DescribeRepositories", "ecr:ListImages", "ecr:DeleteRepository"]) {
      expect(can("AmazonEC2ContainerRegistryPullOnly", action)).toBe(false);
    }
  });

  it("ReadOnly has exactly the twelve actions of ecr-spec §5 and PowerUser adds exactly four", () => {
    const actionsOf = (name: ManagedPolicyName) => parsePolicyDocument(MANAGED_POLICIES[name].document, "identity").statements.flatMap((s) => s.action.values);
    const readOnly = actionsOf("AmazonEC2ContainerRegistryReadOnly");
    expect(readOnly).toHaveLength(12);
    expect(actionsOf("AmazonEC2ContainerRegistryPowerUser")).toEqual([
      ...readOnly,
      "ecr:InitiateLayerUpload",
      "ecr:UploadLayerPart",
      "ecr:CompleteLayerUpload",
      "ecr:PutImage",
    ]);
    for (const action of readOnly) expect(isKnownEcrAction(action), action).toBe(true);
  });
});

describe("scenario: CI may push, developers may only pull", () => {
  const repoPolicy = repository("app/web", [
    { Sid: "DevelopersPull", Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: PULL_ACTIONS },
    { Sid: "CiPushes", Effect: "Allow", Principal: { AWS: userArn("ci-bot") }, Action: [...PUSH_ACTIONS, ...PULL_ACTIONS] },
    { Sid: "OnlyCiPushes", Effect: "Deny", NotPrincipal: { AWS: userArn("ci-bot") }, Action: PUSH_ACTIONS },
  ]);
  const developer = request({ principalArn: userArn("dev") });
  const ci = request({ principalArn: userArn("ci-bot") });

  it("the account-wide statement alone does not let developers pull; with an identity Allow they can", () => {
    expect(evaluateAccess(developer, [repoPolicy]).decision).toBe("ImplicitDeny");
    const withIdentity = evaluateAccess(developer, [managed("AmazonEC2ContainerRegistryReadOnly"), repoPolicy]);
    expect(withIdentity.decision).toBe("Allow");
    expect(withIdentity.matched.map((m) => m.sid ?? m.name)).toContain("DevelopersPull");
  });

  it("developers cannot push, even with PowerUser attached", () => {
    const decision = evaluateAccess({ ...developer, action: "ecr:PutImage" }, [managed("AmazonEC2ContainerRegistryPowerUser"), repoPolicy]);
    expect(decision.decision).toBe("ExplicitDeny");
    expect(decision.decidedBy?.sid).toBe("OnlyCiPushes");
  });

  it("CI can push every step of a docker push", () => {
    for (const action of PUSH_ACTIONS) {
      const decision = evaluateAccess({ ...ci, action }, [repoPolicy]);
      expect(decision.decision, action).toBe("Allow");
      expect(decision.decidedBy?.sid).toBe("CiPushes");
    }
  });
});

describe("accessDeniedError", () => {
  it("says why, in AWS's wording", () => {
    const req = request({ action: "ecr:PutImage" });
    const implicit = accessDeniedError(req, evaluateAccess(req, []));
    expect(isEcrError(implicit, "AccessDeniedException")).toBe(true);
    expect(implicit.message).toBe(
      `User: ${userArn("dev")} is not authorized to perform: ecr:PutImage on resource: ${repoArn("app/web")} because no identity-based policy allows the ecr:PutImage action`,
    );
    const denied = evaluateAccess(req, [repository("app/web", [{ Effect: "Deny", Principal: "*", Action: "ecr:*" }])]);
    expect(accessDeniedError(req, denied).message).toBe(
      `User: ${userArn("dev")} is not authorized to perform: ecr:PutImage on resource: ${repoArn("app/web")} with an explicit deny in a resource-based policy`,
    );
    const identityDenied = evaluateAccess(req, [identity("g", [{ Effect: "Deny", Action: "ecr:*", Resource: "*" }])]);
    expect(accessDeniedError(req, identityDenied).message).toMatch(/with an explicit deny in an identity-based policy$/);
  });

  it("blames the resource side when a cross-account identity policy allows", () => {
    const req = request({ principalArn: userArn("x", OTHER), principalAccount: OTHER });
    const decision = evaluateAccess(req, [identity("theirs", [allowIdentity()])]);
    expect(accessDeniedError(req, decision).message).toMatch(/because no resource-based policy allows the ecr:BatchGetImage action$/);
  });
});

describe("actions", () => {
  it("knows every API operation plus the permission-only actions", () => {
    expect(ECR_OPERATIONS).toHaveLength(58);
    expect(ECR_ACTIONS).toHaveLength(60);
    expect(ECR_ACTIONS).toEqual(expect.arrayContaining(["ecr:BatchImportUpstreamImage", "ecr:ReplicateImage", "ecr:GetAuthorizationToken"]));
    expect(new Set(ECR_ACTIONS).size).toBe(ECR_ACTIONS.length);
    expect(isKnownEcrAction("ECR:putimage")).toBe(true);
    expect(isKnownEcrAction("ecr:PushImage")).toBe(false);
  });

  it("maps ListImageReferrers to ecr:BatchGetImage and other operations to their own action", () => {
    expect(actionForOperation("ListImageReferrers")).toBe("ecr:BatchGetImage");
    expect(actionForOperation("PutImage")).toBe("ecr:PutImage");
  });
});
