// The lifecycle policy document (ecr-spec §1.1): its typed form, and the JSON-schema half of its
// validation (§1.2 rules 2–4) with the schema validator's wordings, as moto reproduces them.
// Cross-field rules 5–16 are in validate.ts.
import { z } from "zod";
import { invalidParameter, type EcrError } from "../errors";

export const TagStatusSchema = z.enum(["tagged", "untagged", "any"]);
export const CountTypeSchema = z.enum(["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned"]);
export const CountUnitSchema = z.enum(["days"]);
export const StorageClassSchema = z.enum(["standard", "archive"]);
export const ActionTypeSchema = z.enum(["expire", "transition"]);
export const TargetStorageClassSchema = z.enum(["archive"]);

export type TagStatus = z.infer<typeof TagStatusSchema>;
export type CountType = z.infer<typeof CountTypeSchema>;
export type StorageClass = z.infer<typeof StorageClassSchema>;
export type ActionType = z.infer<typeof ActionTypeSchema>;

export type LifecycleSelection = {
  readonly tagStatus: TagStatus;
  /** Only with tagStatus "tagged", and then exactly one of the two lists (non-empty). */
  readonly tagPrefixList?: readonly string[];
  readonly tagPatternList?: readonly string[];
  /** Defaulted to "standard" when the document omits it. */
  readonly storageClass: StorageClass;
  readonly countType: CountType;
  /** Present exactly for the since* count types. */
  readonly countUnit?: "days";
  readonly countNumber: number;
};
export type LifecycleRuleAction = { readonly type: "expire" } | { readonly type: "transition"; readonly targetStorageClass: "archive" };
export type LifecycleRule = {
  readonly rulePriority: number;
  readonly description?: string;
  readonly selection: LifecycleSelection;
  readonly action: LifecycleRuleAction;
};
/** Rules in document order; evaluation orders them by rulePriority. */
export type LifecyclePolicy = { readonly rules: readonly LifecycleRule[] };

/** A rule that passed rules 2–4: every member typed, optional members still as written (undefined = absent). */
export type SchemaRule = {
  rulePriority: number;
  description: string | undefined;
  tagStatus: TagStatus;
  tagPrefixList: string[] | undefined;
  tagPatternList: string[] | undefined;
  storageClass: StorageClass | undefined;
  countType: CountType;
  /** null when written as JSON null, which rule 5 rejects. */
  countUnit: "days" | null | undefined;
  countNumber: number;
  actionType: ActionType;
  targetStorageClass: "archive" | undefined;
};

export const COULD_NOT_MAP = "Could not map policyString into LifecyclePolicy.";

/** The service's error for a rejected policy document. */
export function policyError(detail: string): EcrError {
  return invalidParameter("LifecyclePolicyText", `Lifecycle policy validation failure: ${detail}`);
}

type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Rules 2, 3 and 4, each over the whole document before the next. */
export function checkSchema(document: JsonObject): SchemaRule[] {
  const shaped = shapeRules(document);
  const typed = shaped.map(checkEnums);
  typed.forEach(checkMinimums);
  return typed;
}

// ---- Rule 2: required and allowed members, and member types --------------------------------

const RULE_MEMBERS = { required: ["rulePriority", "selection", "action"], allowed: ["rulePriority", "description", "selection", "action"] };
const SELECTION_MEMBERS = {
  required: ["tagStatus", "countType", "countNumber"],
  allowed: ["tagStatus", "tagPatternList", "tagPrefixList", "storageClass", "countType", "countUnit", "countNumber"],
};
const ACTION_MEMBERS = { required: ["type"], allowed: ["type", "targetStorageClass"] };

/** Enum members are left unknown here: rule 3 checks them, and a wrong type is an enum failure too. */
type ShapedRule = {
  rulePriority: number;
  description: string | undefined;
  selection: JsonObject & { tagPrefixList?: string[]; tagPatternList?: string[]; countNumber: number };
  action: JsonObject;
};

function shapeRules(document: JsonObject): ShapedRule[] {
  checkMembers(document, { required: ["rules"], allowed: ["rules"] });
  const rules = asArray(document.rules);
  // [A] At least one rule: an empty policy would do nothing, so it is refused like a too-short array.
  if (rules.length === 0) throw policyError("array is too short: must have at least 1 elements but instance has 0 elements");
  return rules.map(shapeRule);
}

function shapeRule(value: unknown): ShapedRule {
  const rule = asObject(value);
  checkMembers(rule, RULE_MEMBERS);
  const rulePriority = asInteger(rule.rulePriority);
  const description = rule.description === undefined ? undefined : asString(rule.description);
  const selection = asObject(rule.selection);
  checkMembers(selection, SELECTION_MEMBERS);
  const tagPrefixList = selection.tagPrefixList === undefined ? undefined : asStringList(selection.tagPrefixList);
  const tagPatternList = selection.tagPatternList === undefined ? undefined : asStringList(selection.tagPatternList);
  const countNumber = asInteger(selection.countNumber);
  const action = asObject(rule.action);
  checkMembers(action, ACTION_MEMBERS);
  return { rulePriority, description, selection: { ...selection, tagPrefixList, tagPatternList, countNumber }, action };
}

function checkMembers(object: JsonObject, members: { required: readonly string[]; allowed: readonly string[] }): void {
  const missing = members.required.filter((name) => !Object.hasOwn(object, name));
  if (missing.length > 0) throw policyError(`object has missing required properties (${nameList(missing)})`);
  const unknown = Object.keys(object).filter((name) => !members.allowed.includes(name));
  if (unknown.length > 0) throw policyError(`object instance has properties which are not allowed by the schema: (${nameList(unknown)})`);
}

/** moto prints member and enum lists as Python's json.dumps(sorted(...)). */
function nameList(names: readonly string[]): string {
  return `[${[...names].sort().map((name) => JSON.stringify(name)).join(", ")}]`;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeError(value: unknown, allowed: string): EcrError {
  return policyError(`instance type (${jsonType(value)}) does not match any allowed primitive type (allowed: ["${allowed}"])`);
}

function asObject(value: unknown): JsonObject {
  if (!isJsonObject(value)) throw typeError(value, "object");
  return value;
}

function asArray(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw typeError(value, "array");
  return value;
}

function asString(value: unknown): string {
  if (typeof value !== "string") throw typeError(value, "string");
  return value;
}

function asStringList(value: unknown): string[] {
  return asArray(value).map(asString);
}

const INT32_MAX = 2 ** 31 - 1;

function asInteger(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw typeError(value, "integer");
  // [A] The service maps the document onto Java ints; an integer outside int32 does not map.
  if (value > INT32_MAX || value < -INT32_MAX - 1) throw policyError(COULD_NOT_MAP);
  return value;
}

// ---- Rule 3: enum members ---------------------------------------------------------------------

function checkEnums(rule: ShapedRule): SchemaRule {
  const { selection, action } = rule;
  return {
    rulePriority: rule.rulePriority,
    description: rule.description,
    tagStatus: enumValue(TagStatusSchema, selection.tagStatus),
    tagPrefixList: selection.tagPrefixList,
    tagPatternList: selection.tagPatternList,
    storageClass: selection.storageClass === undefined ? undefined : enumValue(StorageClassSchema, selection.storageClass),
    countType: enumValue(CountTypeSchema, selection.countType),
    // A null countUnit is rule 5's concern ("present, even as null"), not an enum failure.
    countUnit: selection.countUnit === undefined || selection.countUnit === null ? selection.countUnit : enumValue(CountUnitSchema, selection.countUnit),
    countNumber: selection.countNumber,
    actionType: enumValue(ActionTypeSchema, action.type),
    targetStorageClass: action.targetStorageClass === undefined ? undefined : enumValue(TargetStorageClassSchema, action.targetStorageClass),
  };
}

type EnumSchema<T extends string> = {
  readonly options: readonly T[];
  safeParse(value: unknown): { success: true; data: T } | { success: false };
};

function enumValue<T extends string>(schema: EnumSchema<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw policyError(`instance value (${renderValue(value)}) not found in enum :(possible values: ${nameList(schema.options)})`);
}

/** Strings bare as moto prints them; anything else as JSON, guarded because deep nesting overflows the stack. */
function renderValue(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return jsonType(value);
  }
}

// ---- Rule 4: minimums -------------------------------------------------------------------------

function checkMinimums(rule: SchemaRule): void {
  // [A] rulePriority >= 1, as in the preview API's shape.
  for (const value of [rule.rulePriority, rule.countNumber]) {
    if (value < 1) throw policyError(`numeric instance is lower than the required minimum (minimum: 1, found: ${value})`);
  }
}
