import { describe, expect, it } from "vitest";
import {
  MANAGED_POLICIES,
  POLICY_SIZE_LIMITS,
  PolicyValidationError,
  invalidPolicyTextError,
  parsePolicyDocument,
  type PolicyKind,
} from "@/lib/ecr/iam";
import { isEcrError } from "@/lib/ecr/errors";

const ACCOUNT = "123456789012";
const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app/web`;

/** The validation detail for `text`, failing the test if the text is accepted or something else is thrown. */
function detailOf(text: string, kind: PolicyKind): string {
  try {
    parsePolicyDocument(text, kind);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).detail;
  }
  throw new Error(`expected the policy to be rejected: ${text}`);
}

const doc = (statement: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: "2012-10-17", ...extra, Statement: statement });
const identityStatement = (fields: Record<string, unknown> = {}) => ({ Effect: "Allow", Action: "ecr:BatchGetImage", Resource: "*", ...fields });
const resourceStatement = (fields: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", ...fields });
const withCondition = (condition: unknown) => doc([resourceStatement({ Condition: condition })]);

describe("parsePolicyDocument: accepted documents", () => {
  it("parses a minimal identity policy", () => {
    const parsed = parsePolicyDocument(doc([identityStatement()]), "identity");
    expect(parsed).toEqual({
      kind: "identity",
      version: "2012-10-17",
      versionGiven: true,
      statements: [{ effect: "Allow", action: { negated: false, values: ["ecr:BatchGetImage"] }, resource: { negated: false, values: ["*"] }, conditions: [] }],
    });
  });

  it("accepts a repository policy without Resource (ecr-spec §4.5)", () => {
    const parsed = parsePolicyDocument(doc([resourceStatement()]), "resource");
    expect(parsed.statements[0]?.resource).toBeUndefined();
    expect(parsed.statements[0]?.principal).toEqual({ negated: false, spec: { kind: "any" } });
  });

  it("accepts Version 2008-10-17 and treats a missing Version as 2008-10-17", () => {
    expect(parsePolicyDocument(doc([resourceStatement()], { Version: "2008-10-17" }), "resource").version).toBe("2008-10-17");
    const noVersion = parsePolicyDocument(JSON.stringify({ Statement: resourceStatement() }), "resource");
    expect(noVersion.version).toBe("2008-10-17");
    expect(noVersion.versionGiven).toBe(false);
  });

  it("accepts a single Statement object and keeps Id and Sid", () => {
    const parsed = parsePolicyDocument(JSON.stringify({ Version: "2012-10-17", Id: "policy-1", Statement: identityStatement({ Sid: "Pull1" }) }), "identity");
    expect(parsed.id).toBe("policy-1");
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.statements[0]?.sid).toBe("Pull1");
  });

  it("accepts Action arrays, NotAction, NotResource and other services' actions", () => {
    const parsed = parsePolicyDocument(
      doc([
        identityStatement({ Action: ["ecr:Get*", "ecr:?utImage", "s3:GetObject", "*"] }),
        { Effect: "Deny", NotAction: "ecr:Describe*", NotResource: [REPO_ARN, "arn:aws:ecr:*:*:repository/team-a/*"] },
      ]),
      "identity",
    );
    expect(parsed.statements[0]?.action.values).toEqual(["ecr:Get*", "ecr:?utImage", "s3:GetObject", "*"]);
    expect(parsed.statements[1]?.action).toEqual({ negated: true, values: ["ecr:Describe*"] });
    expect(parsed.statements[1]?.resource).toEqual({ negated: true, values: [REPO_ARN, "arn:aws:ecr:*:*:repository/team-a/*"] });
  });

  it("accepts every Principal form", () => {
    const principals = [
      "*",
      { AWS: "*" },
      { AWS: ACCOUNT },
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      { AWS: `arn:aws:iam::${ACCOUNT}:user/ci-bot` },
      { AWS: `arn:aws:iam::${ACCOUNT}:role/path/build` },
      { AWS: [ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/dev`] },
      { Service: "codebuild.amazonaws.com" },
      { AWS: ACCOUNT, Service: ["ec2.amazonaws.com"] },
    ];
    for (const Principal of principals) {
      expect(() => parsePolicyDocument(doc([resourceStatement({ Principal })]), "resource")).not.toThrow();
    }
    const parsed = parsePolicyDocument(doc([resourceStatement({ Principal: undefined, NotPrincipal: { AWS: ACCOUNT, Service: "ec2.amazonaws.com" } })]), "resource");
    expect(parsed.statements[0]?.principal).toEqual({
      negated: true,
      spec: { kind: "map", aws: [ACCOUNT], service: ["ec2.amazonaws.com"], federated: [], canonicalUser: [] },
    });
  });

  it("accepts every supported condition operator, with IfExists and set prefixes", () => {
    const operators: [string, unknown][] = [
      ["StringEquals", "a"],
      ["StringNotEquals", "a"],
      ["StringEqualsIgnoreCase", "a"],
      ["StringNotEqualsIgnoreCase", "a"],
      ["StringLike", "a*"],
      ["StringNotLike", "a?"],
      ["ArnEquals", REPO_ARN],
      ["ArnLike", "arn:aws:iam::*:role/*"],
      ["ArnNotEquals", REPO_ARN],
      ["ArnNotLike", REPO_ARN],
      ["Bool", true],
      ["IpAddress", "10.0.0.0/8"],
      ["NotIpAddress", ["192.0.2.0/24", "203.0.113.7"]],
      ["NumericEquals", 5],
      ["NumericNotEquals", "5"],
      ["NumericLessThan", 3600],
      ["NumericLessThanEquals", "1.5"],
      ["NumericGreaterThan", -1],
      ["NumericGreaterThanEquals", "0"],
      ["Null", "true"],
    ];
    for (const [operator, value] of operators) {
      const variants = operator === "Null" ? [operator] : [operator, `${operator}IfExists`, `ForAnyValue:${operator}`, `ForAllValues:${operator}IfExists`];
      for (const name of variants) {
        expect(() => parsePolicyDocument(withCondition({ [name]: { "aws:SomeKey": value } }), "resource"), name).not.toThrow();
      }
    }
  });

  it("flattens conditions into clauses and stores values as text", () => {
    const parsed = parsePolicyDocument(
      withCondition({ Bool: { "aws:SecureTransport": true }, "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["env", "team-*"] } }),
      "resource",
    );
    expect(parsed.statements[0]?.conditions).toEqual([
      { operator: "Bool", base: "Bool", ifExists: false, key: "aws:SecureTransport", values: ["true"] },
      { operator: "ForAnyValue:StringLikeIfExists", base: "StringLike", ifExists: true, set: "ForAnyValue", key: "aws:TagKeys", values: ["env", "team-*"] },
    ]);
  });

  it("accepts the AWS documentation examples: Deny all, and the IP restriction", () => {
    const denyAll = doc([{ Sid: "DenyPull", Effect: "Deny", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }], { Version: "2008-10-17" });
    const ipRestriction = doc([
      { Sid: "IPAllow", Effect: "Deny", Principal: "*", Action: "ecr:*", Condition: { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" } } },
    ]);
    expect(parsePolicyDocument(denyAll, "resource").statements[0]?.effect).toBe("Deny");
    expect(parsePolicyDocument(ipRestriction, "resource").statements[0]?.conditions[0]?.base).toBe("NotIpAddress");
  });

  it("parses every managed policy as an identity policy", () => {
    for (const [name, policy] of Object.entries(MANAGED_POLICIES)) {
      expect(parsePolicyDocument(policy.document, "identity").statements.length, name).toBeGreaterThan(0);
    }
  });

  it("allows free-form Sids and non-Latin text in resource policies", () => {
    const parsed = parsePolicyDocument(doc([resourceStatement({ Sid: "allow pull 日本" })]), "resource");
    expect(parsed.statements[0]?.sid).toBe("allow pull 日本");
  });
});

describe("parsePolicyDocument: rejected documents name the problem", () => {
  const cases: [string, string, PolicyKind, string][] = [
    ["empty text", "", "resource", `Policy text is empty; expected a JSON object such as {"Version": "2012-10-17", "Statement": [...]}`],
    ["a JSON array", "[]", "resource", "The policy must be a JSON object, not an array"],
    ["a JSON string", `"hi"`, "resource", `The policy must be a JSON object, not "hi"`],
    ["an unknown top-level element", JSON.stringify({ Statement: [], Foo: 1 }), "resource", `The policy has an unknown element "Foo"; allowed elements are Version, Id, Statement`],
    ["a wrongly-cased element", JSON.stringify({ statement: [] }), "resource", `The policy has an unknown element "statement"; element names are case-sensitive: did you mean "Statement"?`],
    ["an unknown Version", doc([resourceStatement()], { Version: "2012-10-18" }), "resource", `Version must be "2012-10-17" or "2008-10-17", not "2012-10-18"`],
    ["a numeric Version", doc([resourceStatement()], { Version: 2012 }), "resource", `Version must be "2012-10-17" or "2008-10-17", not 2012`],
    ["a non-string Id", doc([resourceStatement()], { Id: 7 }), "resource", "Id must be a string, not 7"],
    ["no Statement", JSON.stringify({ Version: "2012-10-17" }), "resource", "The policy must have a Statement element"],
    ["an empty Statement array", doc([]), "resource", "Statement must contain at least one statement"],
    ["a Statement string", doc("allow"), "resource", `Statement must be an object or an array of objects, not "allow"`],
    ["a non-object statement", doc([resourceStatement(), 5]), "resource", "Statement[1] must be an object, not 5"],
    [
      "an unknown statement element",
      doc([resourceStatement({ Actions: "ecr:*" })]),
      "resource",
      `Statement[0] has an unknown element "Actions"; allowed elements are Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition`,
    ],
    ["a missing Effect", doc([{ Principal: "*", Action: "ecr:*" }]), "resource", `Statement[0] must have an Effect element ("Allow" or "Deny")`],
    ["a lower-case Effect", doc([resourceStatement(), resourceStatement({ Effect: "allow" })]), "resource", `Statement[1].Effect must be "Allow" or "Deny", not "allow"`],
    ["a missing Action", doc([{ Effect: "Allow", Principal: "*" }]), "resource", "Statement[0] must have an Action or NotAction element"],
    ["both Action and NotAction", doc([resourceStatement({ NotAction: "ecr:PutImage" })]), "resource", "Statement[0] has both Action and NotAction; use exactly one"],
    ["an empty Action array", doc([resourceStatement({ Action: [] })]), "resource", "Statement[0].Action must be a string or a non-empty array of strings, not []"],
    ["a non-string action", doc([resourceStatement({ Action: ["ecr:PutImage", 3] })]), "resource", "Statement[0].Action[1] must be a string, not 3"],
    [
      "an action without a service prefix",
      doc([resourceStatement({ Action: "BatchGetImage" })]),
      "resource",
      `Statement[0].Action "BatchGetImage" is not a valid action; write "*" or "<service>:<action>", e.g. "ecr:BatchGetImage" or "ecr:Get*"`,
    ],
    [
      "an action with an empty name",
      doc([resourceStatement({ NotAction: ["ecr:"], Action: undefined })]),
      "resource",
      `Statement[0].NotAction[0] "ecr:" is not a valid action; write "*" or "<service>:<action>", e.g. "ecr:BatchGetImage" or "ecr:Get*"`,
    ],
    [
      "an identity statement without Resource",
      doc([{ Effect: "Allow", Action: "ecr:*" }]),
      "identity",
      `Statement[0] must have a Resource or NotResource element in an identity policy (use "*" for all resources)`,
    ],
    ["both Resource and NotResource", doc([identityStatement({ NotResource: REPO_ARN })]), "identity", "Statement[0] has both Resource and NotResource; use exactly one"],
    [
      "a Resource that is not an ARN",
      doc([identityStatement({ Resource: ["*", "repository/app"] })]),
      "identity",
      `Statement[0].Resource[1] "repository/app" is not "*" or an ARN such as "arn:aws:ecr:us-east-1:123456789012:repository/my-repo"`,
    ],
    [
      "a Principal in an identity policy",
      doc([identityStatement({ Principal: "*" })]),
      "identity",
      "Statement[0].Principal is not allowed in an identity policy; the principal is whoever the policy is attached to",
    ],
    [
      "a NotPrincipal in an identity policy",
      doc([identityStatement({ NotPrincipal: { AWS: ACCOUNT } })]),
      "identity",
      "Statement[0].NotPrincipal is not allowed in an identity policy; the principal is whoever the policy is attached to",
    ],
    [
      "a resource statement without Principal",
      doc([{ Effect: "Allow", Action: "ecr:*" }]),
      "resource",
      "Statement[0] must have a Principal or NotPrincipal element in a resource policy (who the statement applies to)",
    ],
    ["both Principal and NotPrincipal", doc([resourceStatement({ NotPrincipal: { AWS: ACCOUNT } })]), "resource", "Statement[0] has both Principal and NotPrincipal; use exactly one"],
    [
      "a Principal string other than *",
      doc([resourceStatement({ Principal: ACCOUNT })]),
      "resource",
      `Statement[0].Principal must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}, not "123456789012"`,
    ],
    ["an empty Principal object", doc([resourceStatement({ Principal: {} })]), "resource", `Statement[0].Principal must name at least one principal, e.g. {"AWS": "123456789012"}`],
    [
      "a wrongly-cased Principal key",
      doc([resourceStatement({ Principal: { aws: ACCOUNT } })]),
      "resource",
      `Statement[0].Principal has an unknown element "aws"; element names are case-sensitive: did you mean "AWS"?`,
    ],
    [
      "a wildcard inside a principal ARN",
      doc([resourceStatement({ Principal: { AWS: [ACCOUNT, "arn:aws:iam::123456789012:user/*"] } })]),
      "resource",
      `Statement[0].Principal.AWS[1] "arn:aws:iam::123456789012:user/*" uses a wildcard; in a Principal the only wildcard allowed is the whole value "*"`,
    ],
    [
      "an 11-digit account id",
      doc([resourceStatement({ Principal: { AWS: "12345678901" } })]),
      "resource",
      `Statement[0].Principal.AWS "12345678901" is not a valid AWS principal; use "*", a 12-digit account ID, "arn:aws:iam::<account>:root" or an IAM user/role ARN`,
    ],
    ["an empty Service principal", doc([resourceStatement({ Principal: { Service: "" } })]), "resource", "Statement[0].Principal.Service must not be empty"],
    [
      "duplicate Sids",
      doc([resourceStatement({ Sid: "A" }), resourceStatement({ Sid: "B" }), resourceStatement({ Sid: "A" })]),
      "resource",
      `Statement[2].Sid "A" repeats the Sid of Statement[0]; Sids must be unique within a policy`,
    ],
    ["a non-string Sid", doc([resourceStatement({ Sid: 1 })]), "resource", "Statement[0].Sid must be a string, not 1"],
    ["a Sid with spaces in an identity policy", doc([identityStatement({ Sid: "Allow pull" })]), "identity", `Statement[0].Sid "Allow pull" may contain only letters and digits in an identity policy`],
    [
      "a Condition that is not an object",
      withCondition(["StringEquals"]),
      "resource",
      `Statement[0].Condition must be an object such as {"StringEquals": {"aws:username": "ci-bot"}}, not ["StringEquals"]`,
    ],
    ["an unknown operator", withCondition({ StringMatches: { "aws:username": "x" } }), "resource", `Statement[0].Condition operator "StringMatches" is not a known condition operator`],
    [
      "a wrongly-cased operator",
      withCondition({ stringequals: { "aws:username": "x" } }),
      "resource",
      `Statement[0].Condition operator "stringequals" is not a known condition operator (operators are case-sensitive: did you mean "StringEquals"?)`,
    ],
    [
      "an unsimulated IAM operator",
      withCondition({ DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }),
      "resource",
      `Statement[0].Condition operator "DateGreaterThan" is a valid IAM operator, but the Dockyard simulator does not support DateGreaterThan`,
    ],
    [
      "an unknown set prefix",
      withCondition({ "ForSomeValues:StringEquals": { "aws:TagKeys": "x" } }),
      "resource",
      `Statement[0].Condition operator "ForSomeValues:StringEquals" has an unknown set prefix "ForSomeValues:"; use "ForAnyValue:" or "ForAllValues:"`,
    ],
    [
      "NullIfExists",
      withCondition({ NullIfExists: { "aws:TokenIssueTime": "true" } }),
      "resource",
      `Statement[0].Condition operator "NullIfExists" cannot use the IfExists suffix: Null already tests whether the key exists`,
    ],
    [
      "a set prefix on Null",
      withCondition({ "ForAnyValue:Null": { "aws:TagKeys": "true" } }),
      "resource",
      `Statement[0].Condition operator "ForAnyValue:Null" cannot use a set prefix: Null tests whether the key exists at all`,
    ],
    [
      "an operator block that is an array",
      withCondition({ StringEquals: ["aws:username"] }),
      "resource",
      `Statement[0].Condition.StringEquals must be an object mapping condition keys to values, not ["aws:username"]`,
    ],
    ["an empty operator block", withCondition({ StringEquals: {} }), "resource", "Statement[0].Condition.StringEquals must name at least one condition key"],
    [
      "a condition key without a prefix",
      withCondition({ StringEquals: { username: "x" } }),
      "resource",
      `Statement[0].Condition.StringEquals key "username" is not a condition key; keys look like "aws:SourceIp" or "aws:PrincipalTag/team"`,
    ],
    ["an empty value array", withCondition({ StringEquals: { "aws:username": [] } }), "resource", `Statement[0].Condition.StringEquals["aws:username"] must not be an empty array`],
    [
      "an object value",
      withCondition({ StringEquals: { "aws:username": ["a", { b: 1 }] } }),
      "resource",
      `Statement[0].Condition.StringEquals["aws:username"][1] must be a string, number or boolean, not {"b":1}`,
    ],
    ["a null value", withCondition({ StringEquals: { "aws:username": null } }), "resource", `Statement[0].Condition.StringEquals["aws:username"] must be a string, number or boolean, not null`],
    ["a Bool value that is not true/false", withCondition({ Bool: { "aws:SecureTransport": "yes" } }), "resource", `Statement[0].Condition.Bool["aws:SecureTransport"] "yes" must be "true" or "false"`],
    [
      "an invalid IPv4 block",
      withCondition({ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "10.0.0.256/8"] } }),
      "resource",
      `Statement[0].Condition.IpAddress["aws:SourceIp"][1] "10.0.0.256/8" is not an IPv4 address or CIDR block such as 203.0.113.0/24`,
    ],
    ["a CIDR prefix over 32", withCondition({ NotIpAddress: { "aws:SourceIp": "10.0.0.0/33" } }), "resource", `Statement[0].Condition.NotIpAddress["aws:SourceIp"] "10.0.0.0/33" is not an IPv4 address or CIDR block such as 203.0.113.0/24`],
    [
      "an IPv6 block",
      withCondition({ IpAddress: { "aws:SourceIp": "2001:db8::/32" } }),
      "resource",
      `Statement[0].Condition.IpAddress["aws:SourceIp"] "2001:db8::/32" is an IPv6 range; IAM accepts it, but the Dockyard simulator only evaluates IPv4`,
    ],
    ["a non-numeric Numeric value", withCondition({ NumericLessThan: { "aws:MultiFactorAuthAge": "an hour" } }), "resource", `Statement[0].Condition.NumericLessThan["aws:MultiFactorAuthAge"] "an hour" is not a number`],
  ];

  it.each(cases)("rejects %s", (_name, text, kind, expected) => {
    expect(detailOf(text, kind)).toBe(expected);
  });

  it("rejects text that is not JSON, saying so", () => {
    expect(detailOf(`{"Version": "2012-10-17",`, "resource")).toMatch(/^Policy text is not valid JSON \(.+\)$/);
  });

  it("uses the statement path without an index when Statement is a single object", () => {
    expect(detailOf(JSON.stringify({ Statement: { Effect: "Maybe", Principal: "*", Action: "ecr:*" } }), "resource")).toBe(
      `Statement.Effect must be "Allow" or "Deny", not "Maybe"`,
    );
  });

  it("exposes the detail in the error message too", () => {
    expect(() => parsePolicyDocument("[]", "resource")).toThrow("Invalid policy: The policy must be a JSON object, not an array");
  });
});

describe("parsePolicyDocument: size and character limits", () => {
  const padTo = (text: string, length: number) => text.slice(0, -1) + " ".repeat(length - text.length) + "}";

  it("accepts a resource policy of exactly 10,240 characters and rejects 10,241", () => {
    const base = doc([resourceStatement()]);
    expect(POLICY_SIZE_LIMITS.resource).toBe(10_240);
    expect(() => parsePolicyDocument(padTo(base, 10_240), "resource")).not.toThrow();
    expect(detailOf(padTo(base, 10_241), "resource")).toBe(
      "Policy text is 10,241 characters long; a repository or registry policy may be at most 10,240",
    );
  });

  it("limits identity policies to 6,144 characters not counting whitespace", () => {
    const withSid = (length: number) => doc([identityStatement({ Sid: "A".repeat(length) })]);
    const overhead = withSid(0).replace(/\s/g, "").length;
    expect(() => parsePolicyDocument(withSid(6_144 - overhead), "identity")).not.toThrow();
    expect(detailOf(withSid(6_145 - overhead), "identity")).toBe(
      "Policy is 6,145 characters long not counting whitespace; an IAM managed policy may be at most 6,144",
    );
    // Whitespace is free: 20,000 spaces of indentation do not count.
    expect(() => parsePolicyDocument(padTo(doc([identityStatement()]), 20_000), "identity")).not.toThrow();
  });

  it("rejects characters outside U+0020–U+00FF in identity policies, with their position", () => {
    const text = `{\n  "Version": "2012-10-17",\n  "Id": "ポリシー",\n  "Statement": []\n}`;
    expect(detailOf(text, "identity")).toBe(
      "Character U+30DD at line 3, column 10 is not allowed in an IAM policy (only tab, line breaks and U+0020–U+00FF are)",
    );
  });
});

describe("invalidPolicyTextError", () => {
  it("uses ECR's wording for a rejected repository or registry policy", () => {
    const repository = invalidPolicyTextError("repository");
    expect(isEcrError(repository, "InvalidParameterException")).toBe(true);
    expect(repository.message).toBe("Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'");
    expect(invalidPolicyTextError("registry").message).toBe(
      "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid registry policy provided'",
    );
  });
});
