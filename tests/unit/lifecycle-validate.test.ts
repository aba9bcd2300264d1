// Lifecycle policy validation (ecr-spec §1.2): every rule rejects with its exact detail and accepts
// its valid counterpart; rules are checked in the spec's order.
import { describe, expect, it } from "vitest";
import { EcrError, isEcrError } from "@/lib/ecr/errors";
import { parseLifecyclePolicy } from "@/lib/ecr/lifecycle";

const PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";
const COULD_NOT_MAP = "Could not map policyString into LifecyclePolicy.";
const ONE_SCHEMA = "instance failed to match exactly one schema (matched 0 out of 2)";

type Json = Record<string, unknown>;

/** The detail of the rejection, failing the test when the text is accepted or something else is thrown. */
function rejection(text: string): string {
  try {
    parseLifecyclePolicy(text);
  } catch (error) {
    expect(isEcrError(error, "InvalidParameterException")).toBe(true);
    const message = (error as EcrError).message;
    expect(message.startsWith(PREFIX) && message.endsWith("'")).toBe(true);
    return message.slice(PREFIX.length, -1);
  }
  throw new Error(`expected the policy to be rejected: ${text}`);
}

/** Whitespace padding keeps the 100-character minimum out of the way of the rule under test. */
const pad = (text: string) => text.padEnd(100);
const doc = (rules: unknown, extra: Json = {}) => pad(JSON.stringify({ rules, ...extra }));
const EXPIRE = { type: "expire" };
const TRANSITION = { type: "transition", targetStorageClass: "archive" };
/** An `any`/imageCountMoreThan 1/expire rule with overrides; an undefined override drops the member. */
const rule = (rulePriority: unknown, selection: Json = {}, action: Json = EXPIRE, extra: Json = {}): Json => ({
  rulePriority,
  selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1, ...selection },
  action,
  ...extra,
});
const tagged = (rulePriority: number, list: Json, selection: Json = {}, action: Json = EXPIRE) => rule(rulePriority, { tagStatus: "tagged", ...list, ...selection }, action);
const since = (countType: string, countNumber: number, selection: Json = {}) => ({ countType, countUnit: "days", countNumber, ...selection });
/** An archive-class rule: sinceImageTransitioned 90 days, expire. */
const archived = (rulePriority: number, selection: Json = {}, action: Json = EXPIRE) =>
  rule(rulePriority, { storageClass: "archive", ...since("sinceImageTransitioned", 90), ...selection }, action);

const accepts = (text: string) => expect(() => parseLifecyclePolicy(text)).not.toThrow();

describe("the error", () => {
  it("is InvalidParameterException with the service's full message", () => {
    let thrown: unknown;
    try {
      parseLifecyclePolicy(doc([rule(1, { countNumber: 0 })]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EcrError);
    expect((thrown as EcrError).type).toBe("InvalidParameterException");
    expect((thrown as EcrError).message).toBe(
      "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: numeric instance is lower than the required minimum (minimum: 1, found: 0)'",
    );
  });
});

describe("rule 16, text length (checked first)", () => {
  const valid = JSON.stringify({ rules: [rule(1)] });

  it("rejects fewer than 100 characters, even before reading the JSON", () => {
    expect(rejection(" ".repeat(99))).toBe("lifecyclePolicyText must be between 100 and 30720 characters long (found 99)");
    expect(rejection("not json")).toBe("lifecyclePolicyText must be between 100 and 30720 characters long (found 8)");
    expect(rejection("")).toBe("lifecyclePolicyText must be between 100 and 30720 characters long (found 0)");
  });

  it("lets exactly 100 characters through to the JSON check", () => {
    expect(rejection("x".repeat(100))).toBe(COULD_NOT_MAP);
  });

  it("rejects more than 30,720 characters and accepts exactly 30,720", () => {
    expect(rejection(valid.padEnd(30_721))).toBe("lifecyclePolicyText must be between 100 and 30720 characters long (found 30721)");
    accepts(valid.padEnd(30_720));
    accepts(valid);
  });
});

describe("rule 1, JSON object", () => {
  it.each([
    ["broken JSON", pad('{"rules": [')],
    ["null", pad("null")],
    ["an array", pad(JSON.stringify([rule(1)]))],
    ["a number", pad("42")],
    ["a string", pad('"rules"')],
    ["a boolean", pad("true")],
    ["trailing garbage", pad(`${JSON.stringify({ rules: [rule(1)] })} x`)],
  ])("rejects %s", (_name, text) => {
    expect(rejection(text)).toBe(COULD_NOT_MAP);
  });

  it("accepts an object, whitespace and all", () => {
    accepts(`\n  ${JSON.stringify({ rules: [rule(1)] }, null, 2)}\n`);
  });
});

describe("rule 2, required and allowed members", () => {
  it("requires rules", () => {
    expect(rejection(pad("{}"))).toBe('object has missing required properties (["rules"])');
  });

  it("requires rulePriority, selection and action in a rule, listing all that are missing", () => {
    expect(rejection(doc([{ rulePriority: 1 }]))).toBe('object has missing required properties (["action", "selection"])');
    expect(rejection(doc([{}]))).toBe('object has missing required properties (["action", "rulePriority", "selection"])');
  });

  it("requires tagStatus, countType and countNumber in a selection, and type in an action", () => {
    expect(rejection(doc([rule(1, { countNumber: undefined })]))).toBe('object has missing required properties (["countNumber"])');
    expect(rejection(doc([rule(1, { tagStatus: undefined, countType: undefined })]))).toBe('object has missing required properties (["countType", "tagStatus"])');
    expect(rejection(doc([rule(1, {}, {})]))).toBe('object has missing required properties (["type"])');
  });

  it("refuses unknown members at every level", () => {
    expect(rejection(doc([rule(1)], { version: 1 }))).toBe('object instance has properties which are not allowed by the schema: (["version"])');
    expect(rejection(doc([rule(1, {}, EXPIRE, { name: "x" })]))).toBe('object instance has properties which are not allowed by the schema: (["name"])');
    expect(rejection(doc([rule(1, { foo: 1, bar: 2 })]))).toBe('object instance has properties which are not allowed by the schema: (["bar", "foo"])');
    expect(rejection(doc([rule(1, {}, { type: "expire", days: 3 })]))).toBe('object instance has properties which are not allowed by the schema: (["days"])');
    expect(rejection(pad('{"rules":[],"__proto__":{}}'))).toBe('object instance has properties which are not allowed by the schema: (["__proto__"])');
  });

  it("checks member types", () => {
    const typeDetail = (found: string, allowed: string) => `instance type (${found}) does not match any allowed primitive type (allowed: ["${allowed}"])`;
    expect(rejection(doc({ 0: rule(1) }))).toBe(typeDetail("object", "array"));
    expect(rejection(doc(["rule"]))).toBe(typeDetail("string", "object"));
    expect(rejection(doc([rule("1")]))).toBe(typeDetail("string", "integer"));
    expect(rejection(doc([rule(1.5)]))).toBe(typeDetail("number", "integer"));
    expect(rejection(doc([rule(1, { countNumber: 2.5 })]))).toBe(typeDetail("number", "integer"));
    expect(rejection(doc([rule(1, { countNumber: null })]))).toBe(typeDetail("null", "integer"));
    expect(rejection(doc([rule(1, {}, EXPIRE, { description: 7 })]))).toBe(typeDetail("integer", "string"));
    expect(rejection(doc([{ ...rule(1), selection: [] }]))).toBe(typeDetail("array", "object"));
    expect(rejection(doc([{ ...rule(1), action: "expire" }]))).toBe(typeDetail("string", "object"));
    expect(rejection(doc([tagged(1, { tagPrefixList: "prod" })]))).toBe(typeDetail("string", "array"));
    expect(rejection(doc([tagged(1, { tagPatternList: ["prod*", 3] })]))).toBe(typeDetail("integer", "string"));
  });

  it("[A] refuses integers a Java int cannot hold, and an empty rule list", () => {
    expect(rejection(doc([rule(1, { countNumber: 2 ** 31 })]))).toBe(COULD_NOT_MAP);
    expect(rejection(pad('{"rules":[{"rulePriority":1e300,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}'))).toBe(COULD_NOT_MAP);
    accepts(doc([rule(2 ** 31 - 1, { countNumber: 2 ** 31 - 1 })]));
    expect(rejection(doc([]))).toBe("array is too short: must have at least 1 elements but instance has 0 elements");
  });

  it("accepts every optional member", () => {
    accepts(doc([tagged(1, { tagPatternList: ["prod*"] }, { storageClass: "standard" }), rule(2, {}, EXPIRE, { description: "keep one" })]));
  });
});

describe("rule 3, enum values", () => {
  const enumDetail = (value: string, values: string) => `instance value (${value}) not found in enum :(possible values: ${values})`;

  it.each([
    ["tagStatus", { tagStatus: "TAGGED" }, undefined, enumDetail("TAGGED", '["any", "tagged", "untagged"]')],
    ["countType", { countType: "imageCountLessThan" }, undefined, enumDetail("imageCountLessThan", '["imageCountMoreThan", "sinceImagePulled", "sinceImagePushed", "sinceImageTransitioned"]')],
    ["countUnit", since("sinceImagePushed", 3, { countUnit: "hours" }), undefined, enumDetail("hours", '["days"]')],
    ["storageClass", { storageClass: "glacier" }, undefined, enumDetail("glacier", '["archive", "standard"]')],
    ["action.type", {}, { type: "delete" }, enumDetail("delete", '["expire", "transition"]')],
    ["action.targetStorageClass", {}, { type: "transition", targetStorageClass: "standard" }, enumDetail("standard", '["archive"]')],
    ["a non-string value", { tagStatus: 3 }, undefined, enumDetail("3", '["any", "tagged", "untagged"]')],
    ["an object value", { tagStatus: { a: [1] } }, undefined, enumDetail('{"a":[1]}', '["any", "tagged", "untagged"]')],
  ])("rejects a bad %s", (_name, selection, action, detail) => {
    expect(rejection(doc([rule(1, selection, action)]))).toBe(detail);
  });

  it("survives a value nested too deeply to print", () => {
    const deep = "[".repeat(15_000) + "]".repeat(15_000);
    const text = `{"rules":[{"rulePriority":1,"selection":{"tagStatus":${deep},"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}`;
    expect(rejection(text)).toBe(enumDetail("array", '["any", "tagged", "untagged"]'));
  });

  it("accepts every enum value in a valid combination", () => {
    accepts(
      doc([
        tagged(1, { tagPrefixList: ["a"] }, since("sinceImagePushed", 3)),
        tagged(2, { tagPatternList: ["b*"] }, since("sinceImagePulled", 3, { storageClass: "standard" }), TRANSITION),
        rule(3, { tagStatus: "untagged" }, TRANSITION),
        rule(4),
        archived(5),
      ]),
    );
  });
});

describe("rule 4, minimums", () => {
  it("rejects countNumber below 1 and accepts 1", () => {
    expect(rejection(doc([rule(1, { countNumber: 0 })]))).toBe("numeric instance is lower than the required minimum (minimum: 1, found: 0)");
    expect(rejection(doc([rule(1, since("sinceImagePushed", -3))]))).toBe("numeric instance is lower than the required minimum (minimum: 1, found: -3)");
    accepts(doc([rule(1, { countNumber: 1 })]));
  });

  it("[A] rejects rulePriority below 1", () => {
    expect(rejection(doc([rule(0)]))).toBe("numeric instance is lower than the required minimum (minimum: 1, found: 0)");
    accepts(doc([rule(1)]));
  });
});

describe("rule 5, countUnit goes with the since* count types only", () => {
  it("rejects countUnit with imageCountMoreThan, even as null", () => {
    expect(rejection(doc([rule(1, { countUnit: "days" })]))).toBe(ONE_SCHEMA);
    expect(rejection(doc([rule(1, { countUnit: null })]))).toBe(ONE_SCHEMA);
  });

  it("rejects a since* count type without countUnit, or with a null one", () => {
    expect(rejection(doc([rule(1, { countType: "sinceImagePushed", countNumber: 3 })]))).toBe(ONE_SCHEMA);
    expect(rejection(doc([rule(1, since("sinceImagePushed", 3, { countUnit: null }))]))).toBe(ONE_SCHEMA);
  });

  it("accepts countUnit days with sinceImagePushed and no countUnit with imageCountMoreThan", () => {
    accepts(doc([rule(1, since("sinceImagePushed", 3))]));
    accepts(doc([rule(1, { countNumber: 3 })]));
  });
});

describe("rule 6, tagged needs a list", () => {
  it("rejects tagged without a list", () => {
    expect(rejection(doc([rule(1, { tagStatus: "tagged" })]))).toBe("Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.");
  });

  it("[A] treats an empty list as no list", () => {
    expect(rejection(doc([tagged(1, { tagPrefixList: [] })]))).toBe("Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.");
  });

  it("accepts either list", () => {
    accepts(doc([tagged(1, { tagPrefixList: ["prod"] })]));
    accepts(doc([tagged(1, { tagPatternList: ["prod*"] })]));
  });
});

describe("rule 7, one list per rule", () => {
  it("rejects both lists together and accepts one", () => {
    expect(rejection(doc([tagged(1, { tagPrefixList: ["prod"], tagPatternList: ["prod*"] })]))).toBe("A rule cannot specify both tagPrefixList and tagPatternList.");
    accepts(doc([tagged(1, { tagPatternList: ["prod*"] })]));
  });
});

describe("rule 8, lists only with tagged", () => {
  it("rejects a list with untagged or any", () => {
    expect(rejection(doc([rule(1, { tagStatus: "untagged", tagPrefixList: ["prod"] })]))).toBe(
      "tagPrefixList and tagPatternList can only be used when tagStatus=TAGGED (found tagStatus=UNTAGGED).",
    );
    expect(rejection(doc([rule(1, { tagPatternList: ["*"] })]))).toBe("tagPrefixList and tagPatternList can only be used when tagStatus=TAGGED (found tagStatus=ANY).");
    expect(rejection(doc([rule(1, { tagStatus: "untagged", tagPatternList: [] })]))).toBe(
      "tagPrefixList and tagPatternList can only be used when tagStatus=TAGGED (found tagStatus=UNTAGGED).",
    );
  });

  it("accepts untagged and any without a list", () => {
    accepts(doc([rule(1, { tagStatus: "untagged" }), rule(2)]));
  });
});

describe("rule 9, unique priorities", () => {
  it("rejects a repeated rulePriority and accepts gaps", () => {
    expect(rejection(doc([tagged(3, { tagPrefixList: ["a"] }), rule(3)]))).toBe("rulePriority must be unique within a policy (found 3 more than once).");
    accepts(doc([tagged(10, { tagPrefixList: ["a"] }), rule(30)]));
  });
});

describe("rule 10, `any` last in its storage class", () => {
  const detail = "Rule for tagStatus=ANY must have the lowest priority per storage class";

  it("rejects an any rule that another rule of its class follows", () => {
    expect(rejection(doc([rule(1), tagged(2, { tagPrefixList: ["prod"] })]))).toBe(detail);
    expect(rejection(doc([rule(1), rule(2)]))).toBe(detail);
    expect(rejection(doc([archived(1), archived(2, { tagStatus: "untagged" })]))).toBe(detail);
  });

  it("accepts an any rule last in its class, array order aside", () => {
    accepts(doc([rule(2), tagged(1, { tagPrefixList: ["prod"] })]));
  });

  it("scopes the check per storage class (the doc's combined archive/expire example)", () => {
    accepts(
      doc([
        rule(1, since("sinceImagePushed", 30), TRANSITION, { description: "Archive images pushed more than 30 days ago" }),
        archived(2, { countNumber: 365 }),
      ]),
    );
  });
});

describe("rule 11, one untagged rule per storage class", () => {
  it("rejects two untagged rules in one class", () => {
    expect(rejection(doc([rule(1, { tagStatus: "untagged" }), rule(2, { tagStatus: "untagged", countNumber: 5 })]))).toBe(
      "Only one rule can select Untagged images per storage class.",
    );
  });

  it("does not count any rules, and counts classes separately", () => {
    accepts(doc([rule(1, { tagStatus: "untagged" }), rule(2)]));
    accepts(doc([rule(1, { tagStatus: "untagged" }), archived(2, { tagStatus: "untagged" })]));
  });
});

describe("rule 12, unique tag lists per storage class", () => {
  const prefixes = "The set of all rules selecting a specific storage class must contain a unique set of prefixes";

  it("rejects the same prefix set twice", () => {
    expect(rejection(doc([tagged(1, { tagPrefixList: ["prod"] }), tagged(2, { tagPrefixList: ["prod"] })]))).toBe(prefixes);
  });

  it("[A] compares as sets and applies to pattern lists too", () => {
    expect(rejection(doc([tagged(1, { tagPrefixList: ["a", "b"] }), tagged(2, { tagPrefixList: ["b", "a", "a"] })]))).toBe(prefixes);
    expect(rejection(doc([tagged(1, { tagPatternList: ["p*"] }), tagged(2, { tagPatternList: ["p*"] })]))).toBe(
      "The set of all rules selecting a specific storage class must contain a unique set of patterns",
    );
  });

  it("accepts different sets, other classes, and a prefix list beside an equal pattern list", () => {
    accepts(doc([tagged(1, { tagPrefixList: ["prod"] }), tagged(2, { tagPrefixList: ["prod", "dev"] })]));
    accepts(doc([tagged(1, { tagPrefixList: ["prod"] }), archived(2, { tagStatus: "tagged", tagPrefixList: ["prod"] })]));
    accepts(doc([tagged(1, { tagPrefixList: ["prod"] }), tagged(2, { tagPatternList: ["prod"] })]));
  });
});

describe("rule 13, at most 4 wildcards per pattern", () => {
  it("accepts the doc's valid list", () => {
    accepts(doc([tagged(1, { tagPatternList: ["*test*1*2*3", "test*1*2*3*"] })]));
  });

  it("rejects the doc's invalid list, and a fifth * anywhere", () => {
    expect(rejection(doc([tagged(1, { tagPatternList: ["test*1*2*3*4*5*6"] })]))).toBe('Tag pattern "test*1*2*3*4*5*6" has more than 4 wildcards (*).');
    expect(rejection(doc([tagged(1, { tagPatternList: ["ok*", "*****"] })]))).toBe('Tag pattern "*****" has more than 4 wildcards (*).');
    accepts(doc([tagged(1, { tagPatternList: ["****"] })]));
  });

  it("leaves * in a prefix alone", () => {
    accepts(doc([tagged(1, { tagPrefixList: ["a*b*c*d*e*f"] })]));
  });
});

describe("rule 14, count type, storage class and action agree", () => {
  it("rejects sinceImagePulled with expire", () => {
    expect(rejection(doc([rule(1, since("sinceImagePulled", 90))]))).toBe("countType sinceImagePulled can only be used with action type transition.");
  });

  it("rejects sinceImageTransitioned with transition", () => {
    expect(rejection(doc([archived(1, { countNumber: 365 }, TRANSITION)]))).toBe(
      "countType sinceImageTransitioned can only be used with action type expire.",
    );
  });

  it("rejects sinceImageTransitioned outside the archive class", () => {
    expect(rejection(doc([rule(1, since("sinceImageTransitioned", 365))]))).toBe("countType sinceImageTransitioned requires storageClass archive.");
    expect(rejection(doc([rule(1, since("sinceImageTransitioned", 365, { storageClass: "standard" }))]))).toBe(
      "countType sinceImageTransitioned requires storageClass archive.",
    );
  });

  it("rejects the archive class with any other count type", () => {
    expect(rejection(doc([rule(1, { storageClass: "archive" })]))).toBe("storageClass archive can only be used with countType sinceImageTransitioned.");
    expect(rejection(doc([rule(1, since("sinceImagePushed", 30, { storageClass: "archive" }))]))).toBe(
      "storageClass archive can only be used with countType sinceImageTransitioned.",
    );
  });

  it("rejects transition without targetStorageClass", () => {
    expect(rejection(doc([rule(1, since("sinceImagePulled", 90), { type: "transition" })]))).toBe("Action type transition requires targetStorageClass archive.");
  });

  it("accepts the valid pairings", () => {
    accepts(doc([rule(1, since("sinceImagePulled", 90), TRANSITION)]));
    accepts(doc([rule(1, { countNumber: 5 }, TRANSITION)]));
    accepts(doc([tagged(1, { tagPatternList: ["prod*"] }, since("sinceImagePushed", 30)), rule(2, {}, TRANSITION)]));
    accepts(doc([archived(1, { countNumber: 365 })]));
  });
});

describe("rule 15, [A] 90 days in archive before expiry", () => {
  it("rejects sinceImageTransitioned below 90 and accepts 90", () => {
    expect(rejection(doc([archived(1, { countNumber: 89 })]))).toBe("countNumber for sinceImageTransitioned must be at least 90 days (found 89).");
    accepts(doc([archived(1, { countNumber: 90 })]));
  });
});

describe("rule 16, at most 50 rules", () => {
  const rules = (n: number) => Array.from({ length: n }, (_, i) => tagged(i + 1, { tagPrefixList: [`team-${i}`] }));

  it("rejects 51 rules and accepts 50", () => {
    expect(rejection(doc(rules(51)))).toBe("array is too long: must have at most 50 elements but instance has 51 elements");
    accepts(doc(rules(50)));
  });
});

describe("order of the rules", () => {
  it("checks one rule over the whole document before the next", () => {
    // A rule-2 problem in the second rule wins over a rule-3 problem in the first.
    expect(rejection(doc([rule(1, { tagStatus: "TAGGED" }), rule(2, {}, {})]))).toBe('object has missing required properties (["type"])');
  });

  it("reports the earliest failing rule", () => {
    expect(rejection(doc([rule(1, { tagStatus: "ANY" }), rule(1)]))).toContain("not found in enum");
    expect(rejection(doc([rule(1, { countNumber: 0, countUnit: "days" })]))).toContain("lower than the required minimum");
    expect(rejection(doc([rule(1, { countUnit: "days", tagPrefixList: ["a"] })]))).toBe(ONE_SCHEMA);
    expect(rejection(doc([rule(1), rule(1, { tagStatus: "untagged" }), rule(2, { tagStatus: "untagged" })]))).toContain("rulePriority must be unique");
    expect(rejection(doc([rule(1, { tagStatus: "untagged" }), rule(2, { tagStatus: "untagged" }), rule(1)]))).toContain("rulePriority must be unique");
    expect(rejection(doc([rule(1), rule(2, { tagStatus: "untagged" }), rule(3, { tagStatus: "untagged" })]))).toBe(
      "Rule for tagStatus=ANY must have the lowest priority per storage class",
    );
    expect(rejection(doc(Array.from({ length: 51 }, () => rule(1))))).toContain("rulePriority must be unique");
  });
});

describe("the parsed policy", () => {
  it("is a clean typed object with defaults filled in", () => {
    const policy = parseLifecyclePolicy(
      doc([
        tagged(2, { tagPatternList: ["prod*"] }, since("sinceImagePushed", 14)),
        rule(1, since("sinceImagePulled", 90, { tagStatus: "untagged" }), TRANSITION, { description: "archive stale" }),
        archived(3, { countNumber: 365 }),
        rule(4, { countNumber: 3 }, { type: "expire", targetStorageClass: "archive" }),
      ]),
    );
    expect(policy).toEqual({
      rules: [
        {
          rulePriority: 2,
          selection: { tagStatus: "tagged", tagPatternList: ["prod*"], storageClass: "standard", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 },
          action: { type: "expire" },
        },
        {
          rulePriority: 1,
          description: "archive stale",
          selection: { tagStatus: "untagged", storageClass: "standard", countType: "sinceImagePulled", countUnit: "days", countNumber: 90 },
          action: { type: "transition", targetStorageClass: "archive" },
        },
        {
          rulePriority: 3,
          selection: { tagStatus: "any", storageClass: "archive", countType: "sinceImageTransitioned", countUnit: "days", countNumber: 365 },
          action: { type: "expire" },
        },
        // [A] targetStorageClass on an expire action is accepted and dropped.
        { rulePriority: 4, selection: { tagStatus: "any", storageClass: "standard", countType: "imageCountMoreThan", countNumber: 3 }, action: { type: "expire" } },
      ],
    });
  });
});
