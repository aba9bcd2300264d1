import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ECR_ACTIONS,
  PolicyValidationError,
  evaluateAccess,
  parsePolicyDocument,
  type AuthorizationRequest,
  type PolicyKind,
  type PolicySource,
} from "@/lib/ecr/iam";
import { globMatch } from "@/lib/ecr/iam/glob";

const ACCOUNT = "123456789012";
const OTHER = "210987654321";

/** Parses, or returns the PolicyValidationError; any other throw escapes and fails the property. */
function parseOrError(text: string, kind: PolicyKind) {
  try {
    return parsePolicyDocument(text, kind);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error;
    throw error;
  }
}

const kindArb = fc.constantFrom<PolicyKind>("identity", "resource");

describe("parsePolicyDocument never throws anything but PolicyValidationError", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom(..."{}[]\":,*?$ ") })), kindArb, (text, kind) => {
        const result = parseOrError(text, kind);
        if (result instanceof PolicyValidationError) expect(result.detail.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), kindArb, (value, kind) => {
        parseOrError(JSON.stringify(value), kind);
      }),
      { numRuns: 500 },
    );
  });

  // Odd shapes in every element reach validation paths that random JSON rarely gets to.
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.constant(undefined));
  const fieldArb = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anything });
  const stringsArb = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.array(fc.constantFrom(...values), { maxLength: 3 }));
  const nearStatement = fc.record(
    {
      Sid: fieldArb(fc.constantFrom("A", "B", "Pull", "with space", "")),
      Effect: fieldArb(fc.constantFrom("Allow", "Deny", "allow")),
      Action: fieldArb(stringsArb(["ecr:*", "ecr:Get*", "*", "BatchGetImage", "ecr:", "s3:Get?bject"])),
      NotAction: fieldArb(stringsArb(["ecr:PutImage"])),
      Resource: fieldArb(stringsArb(["*", "arn:aws:ecr:us-east-1:123456789012:repository/*", "repo", "arn:aws:ecr:*"])),
      NotResource: fieldArb(stringsArb(["arn:aws:ecr:us-east-1:123456789012:repository/x"])),
      Principal: fieldArb(
        fc.oneof(
          fc.constant("*"),
          fc.record({ AWS: stringsArb(["*", ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${ACCOUNT}:user/*`, "1"]) }, { requiredKeys: [] }),
          fc.record({ Service: stringsArb(["ec2.amazonaws.com", ""]) }),
        ),
      ),
      NotPrincipal: fieldArb(fc.constant({ AWS: ACCOUNT })),
      Condition: fieldArb(
        fc.dictionary(
          fc.constantFrom("StringEquals", "ForAnyValue:StringLike", "IpAddress", "NumericLessThan", "Bool", "Null", "NullIfExists", "DateEquals", "Foo:Bar", "toString", "__proto__"),
          fc.dictionary(fc.constantFrom("aws:SourceIp", "aws:TagKeys", "bad key", "constructor"), fieldArb(stringsArb(["10.0.0.0/8", "true", "5", "x*", "${aws:username}"])), {
            maxKeys: 2,
          }),
          { maxKeys: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  );

  it("on documents with odd shapes in every element", () => {
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(
        fc.record({
          Version: fieldArb(fc.constantFrom("2012-10-17", "2008-10-17")),
          Statement: fieldArb(fc.oneof(nearStatement, fc.array(nearStatement, { maxLength: 4 }))),
        }, { requiredKeys: [] }),
        kindArb,
        (document, kind) => {
          const result = parseOrError(JSON.stringify(document), kind);
          outcomes[result instanceof PolicyValidationError ? "rejected" : "accepted"]++;
        },
      ),
      { numRuns: 1000 },
    );
    expect(outcomes.rejected).toBeGreaterThan(10);
  });
});

// ---- Random valid policies and requests ----

const actionPattern = fc.constantFrom("*", "ecr:*", "ecr:Batch*", "ecr:Get*", "ecr:?utImage", "ecr:PutImage", "ecr:BatchGetImage", "ECR:batchgetimage", "s3:GetObject", "ecr:Describe*");
const resourcePattern = fc.constantFrom(
  "*",
  `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/*`,
  "arn:aws:ecr:*:*:repository/team-a/*",
  `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app/web`,
  "arn:aws:ecr:*:${aws:PrincipalAccount}:repository/${aws:username}/*",
  `arn:aws:ecr:us-east-1:${OTHER}:repository/?*`,
);
const principalValue = fc.constantFrom<unknown>(
  "*",
  { AWS: "*" },
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${OTHER}:root` },
  { AWS: `arn:aws:iam::${ACCOUNT}:user/ci-bot` },
  { AWS: [`arn:aws:iam::${ACCOUNT}:user/dev`, OTHER] },
  { Service: "ec2.amazonaws.com" },
);
const conditionValue = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("${aws:username}", "${", "${*}", "team-*", "x?", "${aws:PrincipalTag/team, 'a'}"));
const conditionArb = fc.oneof(
  fc.record({
    op: fc.constantFrom(
      "StringEquals",
      "StringNotEquals",
      "StringEqualsIgnoreCase",
      "StringNotEqualsIgnoreCase",
      "StringLike",
      "StringNotLikeIfExists",
      "ArnLike",
      "ArnNotEquals",
      "ForAnyValue:StringEquals",
      "ForAllValues:StringLike",
      "ForAnyValue:StringNotLikeIfExists",
    ),
    key: fc.constantFrom("aws:username", "aws:PrincipalTag/team", "aws:TagKeys", "aws:SourceArn", "aws:PrincipalArn"),
    values: fc.array(conditionValue, { minLength: 1, maxLength: 3 }),
  }).map(({ op, key, values }) => ({ [op]: { [key]: values } })),
  fc.constantFrom<Record<string, unknown>>(
    { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
    { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "0.0.0.0/1"] } },
    { Bool: { "aws:SecureTransport": true } },
    { BoolIfExists: { "aws:SecureTransport": "false" } },
    { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } },
    { Null: { "aws:TokenIssueTime": "true" } },
  ),
);

type RawStatement = Record<string, unknown>;
const statementArb = (kind: PolicyKind): fc.Arbitrary<RawStatement> =>
  fc
    .record({
      hasSid: fc.boolean(),
      Effect: fc.constantFrom("Allow", "Deny"),
      negateAction: fc.boolean(),
      actions: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
      resource: kind === "identity" ? fc.option(fc.boolean(), { nil: false }) : fc.option(fc.boolean(), { nil: undefined }),
      resources: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
      negatePrincipal: fc.boolean(),
      principal: principalValue,
      condition: fc.option(conditionArb, { nil: undefined }),
    })
    .map((s) => {
      const statement: RawStatement = { Effect: s.Effect, [s.negateAction ? "NotAction" : "Action"]: s.actions };
      // A placeholder; rawPolicyArb numbers Sids so they stay unique within the policy.
      if (s.hasSid) statement["Sid"] = "";
      // identity: resource is always present (true = NotResource); resource: undefined = omitted.
      if (s.resource !== undefined) statement[s.resource ? "NotResource" : "Resource"] = s.resources;
      if (kind === "resource") statement[s.negatePrincipal ? "NotPrincipal" : "Principal"] = s.principal;
      if (s.condition !== undefined) statement["Condition"] = s.condition;
      return statement;
    });

type RawPolicy = { source: PolicySource["source"]; name: string; version: string | undefined; statements: RawStatement[] };
const rawPolicyArb: fc.Arbitrary<RawPolicy> = fc
  .record({
    source: fc.constantFrom<PolicySource["source"]>("identity", "resource", "registry"),
    version: fc.constantFrom("2012-10-17", "2008-10-17", undefined),
  })
  .chain(({ source, version }) =>
    fc.array(statementArb(source === "identity" ? "identity" : "resource"), { minLength: 1, maxLength: 4 }).map((statements) => ({
      source,
      version,
      name: source,
      statements: statements.map((statement, i) => (statement["Sid"] === undefined ? statement : { ...statement, Sid: `S${i}` })),
    })),
  );

function build(raw: readonly RawPolicy[]): PolicySource[] {
  return raw.map((policy, i) => ({
    source: policy.source,
    name: `${policy.name}-${i}`,
    document: parsePolicyDocument(
      JSON.stringify({ ...(policy.version === undefined ? {} : { Version: policy.version }), Statement: policy.statements }),
      policy.source === "identity" ? "identity" : "resource",
    ),
  }));
}

const requestArb: fc.Arbitrary<AuthorizationRequest> = fc.record({
  principalArn: fc.oneof(
    fc.constantFrom(`arn:aws:iam::${ACCOUNT}:user/dev`, `arn:aws:iam::${ACCOUNT}:user/ci-bot`, `arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${OTHER}:user/x`),
    fc.string(),
  ),
  principalAccount: fc.constantFrom(ACCOUNT, OTHER, ""),
  action: fc.oneof(fc.constantFrom(...ECR_ACTIONS), fc.string()),
  resourceArn: fc.oneof(
    fc.constantFrom("*", `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app/web`, `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/team-a/web`, `arn:aws:ecr:us-east-1:${OTHER}:repository/dev/x`),
    fc.string(),
  ),
  context: fc.option(
    fc.dictionary(
      fc.oneof(fc.constantFrom("aws:SourceIp", "aws:username", "aws:TagKeys", "aws:PrincipalTag/team", "AWS:SECURETRANSPORT", "aws:MultiFactorAuthAge", "constructor"), fc.string()),
      fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constantFrom("10.1.2.3", "true", "100", undefined)),
      { maxKeys: 4 },
    ),
    { nil: undefined },
  ),
});

const policiesArb = fc.array(rawPolicyArb, { maxLength: 4 });

describe("evaluateAccess on random valid policies", () => {
  it("never throws and returns a self-consistent decision", () => {
    fc.assert(
      fc.property(requestArb, policiesArb, (request, raw) => {
        const decision = evaluateAccess(request, build(raw));
        const denies = decision.matched.filter((m) => m.effect === "Deny");
        expect(decision.decision === "ExplicitDeny").toBe(denies.length > 0);
        if (decision.decision === "ImplicitDeny") expect(decision.decidedBy).toBeUndefined();
        else expect(decision.matched).toContainEqual({ ...decision.decidedBy, effect: decision.decision === "Allow" ? "Allow" : "Deny" });
        for (const m of decision.matched) {
          const statement = raw[Number(m.name.slice(m.name.lastIndexOf("-") + 1))]?.statements[m.statementIndex];
          expect(m.sid).toBe(statement?.["Sid"]);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("adding a matching Deny statement always yields ExplicitDeny", () => {
    const denyArb = fc.constantFrom<RawPolicy>(
      { source: "identity", name: "deny", version: "2012-10-17", statements: [{ Effect: "Deny", Action: "*", Resource: "*" }] },
      { source: "resource", name: "deny", version: "2008-10-17", statements: [{ Effect: "Deny", Principal: "*", Action: "*" }] },
      { source: "registry", name: "deny", version: undefined, statements: [{ Effect: "Deny", Principal: { AWS: "*" }, NotAction: "nothing:Matches" }] },
    );
    fc.assert(
      fc.property(requestArb, policiesArb, denyArb, fc.nat(), (request, raw, deny, at) => {
        const position = at % (raw.length + 1);
        const policies = [...raw.slice(0, position), deny, ...raw.slice(position)];
        const decision = evaluateAccess(request, build(policies));
        expect(decision.decision).toBe("ExplicitDeny");
        expect(decision.matched).toContainEqual(expect.objectContaining({ name: `deny-${position}`, effect: "Deny" }));
      }),
      { numRuns: 400 },
    );
  });

  it("turning any matched Allow into a Deny yields ExplicitDeny", () => {
    let flips = 0;
    fc.assert(
      fc.property(requestArb, policiesArb, (request, raw) => {
        const before = evaluateAccess(request, build(raw));
        for (const allow of before.matched.filter((m) => m.effect === "Allow")) {
          const index = Number(allow.name.slice(allow.name.lastIndexOf("-") + 1));
          const flipped = raw.map((policy, i) =>
            i !== index ? policy : { ...policy, statements: policy.statements.map((s, j) => (j === allow.statementIndex ? { ...s, Effect: "Deny" } : s)) },
          );
          expect(evaluateAccess(request, build(flipped)).decision).toBe("ExplicitDeny");
          flips++;
        }
      }),
      { numRuns: 300 },
    );
    // Guard against a generator that never produces a matching Allow.
    expect(flips).toBeGreaterThan(20);
  });

  it("adding an Allow-only policy never turns an Allow into a deny", () => {
    let allowed = 0;
    fc.assert(
      fc.property(requestArb, policiesArb, rawPolicyArb, (request, raw, extra) => {
        const allowOnly = { ...extra, statements: extra.statements.map((s) => ({ ...s, Effect: "Allow" })) };
        if (evaluateAccess(request, build(raw)).decision === "Allow") {
          expect(evaluateAccess(request, build([...raw, allowOnly])).decision).toBe("Allow");
          allowed++;
        }
      }),
      { numRuns: 300 },
    );
    expect(allowed).toBeGreaterThan(10);
  });
});

describe("parsePolicyDocument on mutated valid documents", () => {
  const statementKeys = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition", "Extra"];
  const mutationArb = fc.record({
    key: fc.constantFrom(...statementKeys),
    at: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.constantFrom("*", "ecr:*", { AWS: "*" }, [], {})),
  });

  it("accepts or rejects, never throws anything else, and exercises both outcomes", () => {
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(rawPolicyArb, fc.array(mutationArb, { maxLength: 2 }), (policy, mutations) => {
        const statements = policy.statements.map((statement) => ({ ...statement }));
        for (const { key, at, value } of mutations) {
          const target = statements[at % statements.length];
          if (target === undefined) continue;
          if (value === undefined) delete target[key];
          else target[key] = value;
        }
        const kind: PolicyKind = policy.source === "identity" ? "identity" : "resource";
        const result = parseOrError(JSON.stringify({ Version: policy.version, Statement: statements }), kind);
        outcomes[result instanceof PolicyValidationError ? "rejected" : "accepted"]++;
      }),
      { numRuns: 1000 },
    );
    expect(outcomes.accepted).toBeGreaterThan(50);
    expect(outcomes.rejected).toBeGreaterThan(50);
  });
});

describe("glob matching", () => {
  it("a pattern made from a string by wildcarding parts of it matches that string", () => {
    const pieceArb = fc.record({ text: fc.string({ maxLength: 5 }), mode: fc.constantFrom("keep", "star", "one") });
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 6 }), (pieces) => {
        const plain = pieces.map((p) => p.text.replace(/[*?]/g, "")).join("");
        const subject = pieces.map((p) => p.text.replace(/[*?]/g, ""));
        const pattern = subject.map((text, i) => (pieces[i]?.mode === "star" ? "*" : pieces[i]?.mode === "one" ? "?".repeat(text.length) : text)).join("");
        expect(globMatch(pattern, plain)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("a wildcard-free pattern matches only itself", () => {
    const text = fc.string({ maxLength: 8 }).map((s) => s.replace(/[*?]/g, ""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(globMatch(a, b)).toBe(a === b);
      }),
      { numRuns: 500 },
    );
  });

  it("stays fast on patterns that make backtracking regexes explode", () => {
    const started = Date.now();
    expect(globMatch(`${"*a".repeat(200)}b`, "a".repeat(5_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
