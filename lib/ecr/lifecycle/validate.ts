// PutLifecyclePolicy / StartLifecyclePolicyPreview validation (ecr-spec §1.2): text → typed policy,
// or InvalidParameterException with the service's detail. Rules run in the spec's order, each over
// the whole document, so the first failing rule decides the message.
import {
  checkSchema,
  COULD_NOT_MAP,
  isJsonObject,
  policyError,
  type LifecyclePolicy,
  type LifecycleRule,
  type SchemaRule,
  type StorageClass,
} from "./policy-schema";

export const POLICY_TEXT_MIN = 100;
export const POLICY_TEXT_MAX = 30_720;
export const MAX_RULES = 50;
export const MAX_PATTERN_WILDCARDS = 4;
export const MIN_ARCHIVE_DAYS = 90;

const ONE_SCHEMA = "instance failed to match exactly one schema (matched 0 out of 2)";

export function parseLifecyclePolicy(text: string): LifecyclePolicy {
  checkLength(text);
  const rules = checkSchema(parseDocument(text));
  for (const check of CROSS_FIELD_RULES) check(rules);
  return { rules: rules.map(toLifecycleRule) };
}

/**
 * Rule 16, length half. [A] Checked before anything else: it is a constraint on the API member,
 * which the service (and every SDK) enforces before reading the document. The rule-count half of
 * rule 16 runs last, in order.
 */
function checkLength(text: unknown): asserts text is string {
  if (typeof text !== "string") throw policyError(COULD_NOT_MAP);
  if (text.length < POLICY_TEXT_MIN || text.length > POLICY_TEXT_MAX) {
    throw policyError(`lifecyclePolicyText must be between ${POLICY_TEXT_MIN} and ${POLICY_TEXT_MAX} characters long (found ${text.length})`);
  }
}

/** Rule 1. */
function parseDocument(text: string) {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw policyError(COULD_NOT_MAP);
  }
  if (!isJsonObject(document)) throw policyError(COULD_NOT_MAP);
  return document;
}

type RulesCheck = (rules: readonly SchemaRule[]) => void;
const forEachRule = (check: (rule: SchemaRule) => void): RulesCheck => (rules) => rules.forEach(check);
const storageClassOf = (rule: SchemaRule): StorageClass => rule.storageClass ?? "standard";
const isSince = (rule: SchemaRule) => rule.countType !== "imageCountMoreThan";

/** Rules 5–16 in the spec's order. */
const CROSS_FIELD_RULES: readonly RulesCheck[] = [
  // 5. countUnit is present (even null) exactly for the since* count types.
  forEachRule((rule) => {
    if (isSince(rule) ? rule.countUnit !== "days" : rule.countUnit !== undefined) throw policyError(ONE_SCHEMA);
  }),
  // 6. [A] An empty list counts as not specifying it.
  forEachRule((rule) => {
    if (rule.tagStatus === "tagged" && !rule.tagPrefixList?.length && !rule.tagPatternList?.length) {
      throw policyError("Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.");
    }
  }),
  // 7.
  forEachRule((rule) => {
    if (rule.tagPrefixList !== undefined && rule.tagPatternList !== undefined) {
      throw policyError("A rule cannot specify both tagPrefixList and tagPatternList.");
    }
  }),
  // 8.
  forEachRule((rule) => {
    if (rule.tagStatus !== "tagged" && (rule.tagPrefixList !== undefined || rule.tagPatternList !== undefined)) {
      throw policyError(`tagPrefixList and tagPatternList can only be used when tagStatus=TAGGED (found tagStatus=${rule.tagStatus.toUpperCase()}).`);
    }
  }),
  // 9.
  (rules) => {
    const seen = new Set<number>();
    for (const { rulePriority } of rules) {
      if (seen.has(rulePriority)) throw policyError(`rulePriority must be unique within a policy (found ${rulePriority} more than once).`);
      seen.add(rulePriority);
    }
  },
  // 10. An `any` rule must carry its storage class's largest rulePriority.
  (rules) => {
    for (const rule of rules) {
      if (rule.tagStatus !== "any") continue;
      const later = rules.some((other) => storageClassOf(other) === storageClassOf(rule) && other.rulePriority > rule.rulePriority);
      if (later) throw policyError("Rule for tagStatus=ANY must have the lowest priority per storage class");
    }
  },
  // 11. `any` rules do not count here.
  (rules) => {
    const untagged = rules.filter((rule) => rule.tagStatus === "untagged").map(storageClassOf);
    if (new Set(untagged).size < untagged.length) throw policyError("Only one rule can select Untagged images per storage class.");
  },
  // 12. [A] Lists compare as sets (order and repeats ignored), and pattern lists obey the same rule.
  (rules) => {
    const seen = new Set<string>();
    for (const rule of rules) {
      const kind = rule.tagPrefixList ? "prefixes" : rule.tagPatternList ? "patterns" : undefined;
      const list = rule.tagPrefixList ?? rule.tagPatternList;
      if (kind === undefined || list === undefined) continue;
      const key = JSON.stringify([storageClassOf(rule), kind, [...new Set(list)].sort()]);
      if (seen.has(key)) throw policyError(`The set of all rules selecting a specific storage class must contain a unique set of ${kind}`);
      seen.add(key);
    }
  },
  // 13.
  forEachRule((rule) => {
    for (const pattern of rule.tagPatternList ?? []) {
      if (pattern.split("*").length - 1 > MAX_PATTERN_WILDCARDS) {
        throw policyError(`Tag pattern ${JSON.stringify(pattern)} has more than ${MAX_PATTERN_WILDCARDS} wildcards (*).`);
      }
    }
  }),
  // 14. Count type, storage class and action must agree.
  forEachRule((rule) => {
    if (rule.countType === "sinceImagePulled" && rule.actionType === "expire") throw policyError("countType sinceImagePulled can only be used with action type transition.");
    if (rule.countType === "sinceImageTransitioned" && rule.actionType === "transition") throw policyError("countType sinceImageTransitioned can only be used with action type expire.");
    if (rule.countType === "sinceImageTransitioned" && rule.storageClass !== "archive") throw policyError("countType sinceImageTransitioned requires storageClass archive.");
    if (rule.countType !== "sinceImageTransitioned" && rule.storageClass === "archive") throw policyError("storageClass archive can only be used with countType sinceImageTransitioned.");
    if (rule.actionType === "transition" && rule.targetStorageClass !== "archive") throw policyError("Action type transition requires targetStorageClass archive.");
  }),
  // 15. [A] Archived images must stay archived 90 days before a policy may delete them.
  forEachRule((rule) => {
    if (rule.countType === "sinceImageTransitioned" && rule.countNumber < MIN_ARCHIVE_DAYS) {
      throw policyError(`countNumber for sinceImageTransitioned must be at least ${MIN_ARCHIVE_DAYS} days (found ${rule.countNumber}).`);
    }
  }),
  // 16, rule-count half (the schema's maxItems wording).
  (rules) => {
    if (rules.length > MAX_RULES) throw policyError(`array is too long: must have at most ${MAX_RULES} elements but instance has ${rules.length} elements`);
  },
];

/**
 * The clean typed rule. [A] A targetStorageClass on an expire action is accepted (no rule forbids
 * it) and dropped, as it has no effect.
 */
function toLifecycleRule(rule: SchemaRule): LifecycleRule {
  const tagLists = rule.tagPrefixList ? { tagPrefixList: [...rule.tagPrefixList] } : rule.tagPatternList ? { tagPatternList: [...rule.tagPatternList] } : {};
  return {
    rulePriority: rule.rulePriority,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    selection: {
      tagStatus: rule.tagStatus,
      ...tagLists,
      storageClass: storageClassOf(rule),
      countType: rule.countType,
      ...(rule.countUnit ? { countUnit: rule.countUnit } : {}),
      countNumber: rule.countNumber,
    },
    action: rule.actionType === "transition" ? { type: "transition", targetStorageClass: "archive" } : { type: "expire" },
  };
}
