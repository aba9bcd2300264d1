// Condition operators: parsing an operator name, checking its values, and evaluating one clause.

import { matchArnTokens } from "./arn";
import { matchTokens } from "./glob";
import { ipv4InRange, parseIpv4Cidr } from "./ipv4";
import { type ContextValues, resolvePattern, resolveText } from "./policy-variables";
import type { ConditionClause, SetQualifier } from "./policy-types";

export const CONDITION_BASES = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Bool",
  "IpAddress",
  "NotIpAddress",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "Null",
] as const;
export type ConditionBase = (typeof CONDITION_BASES)[number];

/** Negated operators are evaluated as NOT(their positive twin). */
const NEGATED = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike",
  NotIpAddress: "IpAddress",
  NumericNotEquals: "NumericEquals",
} as const satisfies Partial<Record<ConditionBase, ConditionBase>>;
type NegatedBase = keyof typeof NEGATED;
type PositiveBase = Exclude<ConditionBase, NegatedBase | "Null">;

/** Real IAM operators this simulator does not implement: rejected with a clear reason, not "unknown". */
const UNSIMULATED = [
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "BinaryEquals",
];

export type ParsedOperator =
  | { readonly ok: true; readonly base: ConditionBase; readonly ifExists: boolean; readonly set?: SetQualifier }
  | { readonly ok: false; readonly problem: string };

function isBase(name: string): name is ConditionBase {
  return (CONDITION_BASES as readonly string[]).includes(name);
}

function isNegated(base: ConditionBase): base is NegatedBase {
  return Object.hasOwn(NEGATED, base);
}

/** `[ForAnyValue:|ForAllValues:]<Base>[IfExists]`, case-sensitive as in IAM. */
export function parseConditionOperator(name: string): ParsedOperator {
  let rest = name;
  let set: SetQualifier | undefined;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== "ForAnyValue" && prefix !== "ForAllValues") {
      return { ok: false, problem: `has an unknown set prefix "${prefix}:"; use "ForAnyValue:" or "ForAllValues:"` };
    }
    set = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith("IfExists") && rest !== "IfExists";
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
  if (UNSIMULATED.includes(base)) {
    return { ok: false, problem: `is a valid IAM operator, but the Dockyard simulator does not support ${base}` };
  }
  if (!isBase(base)) {
    const hint = CONDITION_BASES.find((known) => known.toLowerCase() === base.toLowerCase());
    return {
      ok: false,
      problem: hint === undefined ? "is not a known condition operator" : `is not a known condition operator (operators are case-sensitive: did you mean "${hint}"?)`,
    };
  }
  if (base === "Null" && ifExists) return { ok: false, problem: `cannot use the IfExists suffix: Null already tests whether the key exists` };
  if (base === "Null" && set !== undefined) return { ok: false, problem: `cannot use a set prefix: Null tests whether the key exists at all` };
  return set === undefined ? { ok: true, base, ifExists } : { ok: true, base, ifExists, set };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Check (and normalise) one policy-side value for `base`; a string result is a problem description. */
export function normalizeConditionValue(base: ConditionBase, value: string): { value: string } | { problem: string } {
  switch (base) {
    case "Bool":
    case "Null": {
      const lower = value.toLowerCase();
      return lower === "true" || lower === "false" ? { value: lower } : { problem: `must be "true" or "false"` };
    }
    case "IpAddress":
    case "NotIpAddress":
      if (parseIpv4Cidr(value) !== undefined) return { value };
      return value.includes(":")
        ? { problem: "is an IPv6 range; IAM accepts it, but the Dockyard simulator only evaluates IPv4" }
        : { problem: "is not an IPv4 address or CIDR block such as 203.0.113.0/24" };
    case "NumericEquals":
    case "NumericNotEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      return NUMBER.test(value) ? { value } : { problem: "is not a number" };
    default:
      return { value };
  }
}

function compare(base: PositiveBase, actual: string, expected: string, context: ContextValues, variables: boolean): boolean {
  switch (base) {
    case "StringEquals":
      return resolveText(expected, context, variables) === actual;
    case "StringEqualsIgnoreCase":
      return resolveText(expected, context, variables)?.toLowerCase() === actual.toLowerCase();
    case "StringLike": {
      const tokens = resolvePattern(expected, context, variables);
      return tokens !== undefined && matchTokens(tokens, actual);
    }
    // IAM documents ArnEquals and ArnLike as behaving identically (both accept wildcards).
    case "ArnEquals":
    case "ArnLike": {
      const tokens = resolvePattern(expected, context, variables);
      return tokens !== undefined && matchArnTokens(tokens, actual);
    }
    case "Bool":
      return actual.toLowerCase() === expected;
    case "IpAddress": {
      const range = parseIpv4Cidr(expected);
      return range !== undefined && ipv4InRange(actual, range);
    }
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals": {
      const trimmed = actual.trim();
      if (!NUMBER.test(trimmed)) return false;
      const a = Number(trimmed);
      const e = Number(expected);
      if (base === "NumericEquals") return a === e;
      if (base === "NumericLessThan") return a < e;
      if (base === "NumericLessThanEquals") return a <= e;
      if (base === "NumericGreaterThan") return a > e;
      return a >= e;
    }
  }
}

/**
 * One clause. Policy values OR together. A missing key is false, except: IfExists → true;
 * negated operators → true (AWS: "the condition is true" when the key it must not match is absent);
 * ForAllValues → true (vacuously); ForAnyValue → false.
 */
export function evaluateClause(clause: ConditionClause, context: ContextValues, variables: boolean): boolean {
  const actual = context.get(clause.key.toLowerCase()) ?? [];
  const present = actual.length > 0;
  if (clause.base === "Null") return clause.values.some((value) => (value === "true") === !present);

  const negated = isNegated(clause.base);
  const positive: PositiveBase = isNegated(clause.base) ? NEGATED[clause.base] : clause.base;
  const matchesAny = (value: string) => clause.values.some((expected) => compare(positive, value, expected, context, variables));
  const satisfies = (value: string) => (negated ? !matchesAny(value) : matchesAny(value));

  if (clause.set === "ForAllValues") return !present || actual.every(satisfies);
  if (clause.set === "ForAnyValue") return present ? actual.some(satisfies) : clause.ifExists;
  if (!present) return clause.ifExists || negated;
  // A single-valued operator given several request values: positive ops need one match,
  // negated ops need no request value to match.
  return negated ? actual.every(satisfies) : actual.some(satisfies);
}
