// The IAM policy grammar: JSON text → validated PolicyDocument, or a PolicyValidationError whose
// `detail` says exactly which element is wrong and how to fix it.

import { looksLikeArn } from "./arn";
import { normalizeConditionValue, parseConditionOperator } from "./condition-operators";
import { PolicyValidationError } from "./policy-errors";
import type {
  ConditionClause,
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  PolicyVersion,
  PrincipalElement,
  ValueList,
} from "./policy-types";
import { awsPrincipalProblem } from "./principal";

/**
 * Size limits. Resource: ECR's policyText is 0..10,240 characters (ecr-spec §4.5) for repository
 * and registry policies alike. Identity: 6,144 characters is IAM's managed-policy quota, and IAM
 * does not count whitespace toward it (IAM quotas page; inline policies have other limits).
 */
export const POLICY_SIZE_LIMITS = { resource: 10_240, identity: 6_144 } as const;

const VERSIONS: readonly PolicyVersion[] = ["2012-10-17", "2008-10-17"];
const DOCUMENT_KEYS = ["Version", "Id", "Statement"];
const STATEMENT_KEYS = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];
const PRINCIPAL_KEYS = ["AWS", "Service", "Federated", "CanonicalUser"];
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;
const CONDITION_KEY = /^[A-Za-z0-9-]+:\S+$/;
const IDENTITY_SID = /^[A-Za-z0-9]*$/;

type JsonObject = { readonly [key: string]: unknown };

function fail(detail: string): never {
  throw new PolicyValidationError(detail);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function has(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** A short rendering of a JSON value for messages. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function parsePolicyDocument(text: string, kind: PolicyKind): PolicyDocument {
  try {
    return parseText(text, kind);
  } catch (error) {
    if (error instanceof PolicyValidationError) throw error;
    // Safety net: the grammar promises to throw nothing but PolicyValidationError.
    throw new PolicyValidationError(`The policy could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseText(text: string, kind: PolicyKind): PolicyDocument {
  if (typeof text !== "string") fail("Policy text must be a string");
  checkSize(text, kind);
  if (kind === "identity") checkCharacters(text);
  if (text.trim() === "") fail(`Policy text is empty; expected a JSON object such as {"Version": "2012-10-17", "Statement": [...]}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`Policy text is not valid JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  return parseDocument(json, kind);
}

function checkSize(text: string, kind: PolicyKind): void {
  if (kind === "resource") {
    if (text.length > POLICY_SIZE_LIMITS.resource) {
      fail(`Policy text is ${text.length.toLocaleString("en-US")} characters long; a repository or registry policy may be at most 10,240`);
    }
    return;
  }
  const counted = text.replace(/\s/g, "").length;
  if (counted > POLICY_SIZE_LIMITS.identity) {
    fail(`Policy is ${counted.toLocaleString("en-US")} characters long not counting whitespace; an IAM managed policy may be at most 6,144`);
  }
}

/** IAM accepts only tab, LF, CR and U+0020–U+00FF in identity policies. */
function checkCharacters(text: string): void {
  let line = 1;
  let column = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x09 && code !== 0x0a && code !== 0x0d && (code < 0x20 || code > 0xff)) {
      const hex = code.toString(16).toUpperCase().padStart(4, "0");
      fail(`Character U+${hex} at line ${line}, column ${column} is not allowed in an IAM policy (only tab, line breaks and U+0020–U+00FF are)`);
    }
    if (code === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
}

function checkKeys(object: JsonObject, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const hint = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
    fail(
      hint === undefined
        ? `${where} has an unknown element "${key}"; allowed elements are ${allowed.join(", ")}`
        : `${where} has an unknown element "${key}"; element names are case-sensitive: did you mean "${hint}"?`,
    );
  }
}

function parseDocument(json: unknown, kind: PolicyKind): PolicyDocument {
  if (!isObject(json)) fail(`The policy must be a JSON object, not ${Array.isArray(json) ? "an array" : show(json)}`);
  checkKeys(json, DOCUMENT_KEYS, "The policy");

  let version: PolicyVersion = "2008-10-17";
  const versionGiven = has(json, "Version");
  if (versionGiven) {
    const given = json["Version"];
    const known = VERSIONS.find((v) => v === given);
    if (known === undefined) fail(`Version must be "2012-10-17" or "2008-10-17", not ${show(given)}`);
    version = known;
  }

  let id: string | undefined;
  if (has(json, "Id")) {
    const given = json["Id"];
    if (typeof given !== "string") fail(`Id must be a string, not ${show(given)}`);
    id = given;
  }

  if (!has(json, "Statement")) fail(`The policy must have a Statement element`);
  const raw = json["Statement"];
  let entries: { value: unknown; path: string }[];
  if (Array.isArray(raw)) {
    if (raw.length === 0) fail(`Statement must contain at least one statement`);
    entries = raw.map((value: unknown, i) => ({ value, path: `Statement[${i}]` }));
  } else if (isObject(raw)) {
    entries = [{ value: raw, path: "Statement" }];
  } else {
    fail(`Statement must be an object or an array of objects, not ${show(raw)}`);
  }

  const statements = entries.map(({ value, path }) => parseStatement(value, path, kind));
  checkUniqueSids(statements, entries.map((e) => e.path));
  const document: PolicyDocument = { kind, version, versionGiven, statements };
  return id === undefined ? document : { ...document, id };
}

function checkUniqueSids(statements: readonly PolicyStatement[], paths: readonly string[]): void {
  const seen = new Map<string, string>();
  statements.forEach((statement, i) => {
    if (statement.sid === undefined || statement.sid === "") return;
    const first = seen.get(statement.sid);
    if (first !== undefined) fail(`${paths[i]}.Sid "${statement.sid}" repeats the Sid of ${first}; Sids must be unique within a policy`);
    seen.set(statement.sid, paths[i] ?? "");
  });
}

function parseStatement(value: unknown, path: string, kind: PolicyKind): PolicyStatement {
  if (!isObject(value)) fail(`${path} must be an object, not ${show(value)}`);
  checkKeys(value, STATEMENT_KEYS, path);

  let sid: string | undefined;
  if (has(value, "Sid")) {
    const given = value["Sid"];
    if (typeof given !== "string") fail(`${path}.Sid must be a string, not ${show(given)}`);
    if (kind === "identity" && !IDENTITY_SID.test(given)) {
      fail(`${path}.Sid ${show(given)} may contain only letters and digits in an identity policy`);
    }
    sid = given;
  }

  if (!has(value, "Effect")) fail(`${path} must have an Effect element ("Allow" or "Deny")`);
  const effect = value["Effect"];
  if (effect !== "Allow" && effect !== "Deny") fail(`${path}.Effect must be "Allow" or "Deny", not ${show(effect)}`);

  const action = parseActions(value, path);
  const resource = parseResources(value, path, kind);
  const principal = parsePrincipal(value, path, kind);
  const conditions = has(value, "Condition") ? parseCondition(value["Condition"], `${path}.Condition`) : [];

  const statement: PolicyStatement = { effect, action, conditions };
  return {
    ...(sid === undefined ? {} : { sid }),
    ...statement,
    ...(resource === undefined ? {} : { resource }),
    ...(principal === undefined ? {} : { principal }),
  };
}

/** The element's value as a list, with a path for each item for messages. */
function stringList(value: unknown, path: string): { value: string; path: string }[] {
  if (typeof value === "string") return [{ value, path }];
  if (Array.isArray(value) && value.length > 0) {
    return value.map((item: unknown, i) => {
      if (typeof item !== "string") fail(`${path}[${i}] must be a string, not ${show(item)}`);
      return { value: item, path: `${path}[${i}]` };
    });
  }
  fail(`${path} must be a string or a non-empty array of strings, not ${show(value)}`);
}

/** Which of an element pair is present; rejects both, and neither when `missing` gives the message. */
function pick(object: JsonObject, path: string, name: string, notName: string, missing: string | undefined): { negated: boolean; raw: unknown } | undefined {
  const plain = has(object, name);
  const negated = has(object, notName);
  if (plain && negated) fail(`${path} has both ${name} and ${notName}; use exactly one`);
  if (!plain && !negated) {
    if (missing !== undefined) fail(`${path} ${missing}`);
    return undefined;
  }
  return { negated, raw: object[negated ? notName : name] };
}

function parseActions(statement: JsonObject, path: string): ValueList {
  const picked = pick(statement, path, "Action", "NotAction", "must have an Action or NotAction element");
  if (picked === undefined) fail(`${path} must have an Action or NotAction element`);
  const elementPath = `${path}.${picked.negated ? "NotAction" : "Action"}`;
  const values = stringList(picked.raw, elementPath).map((item) => {
    if (item.value !== "*" && !ACTION.test(item.value)) {
      fail(`${item.path} ${show(item.value)} is not a valid action; write "*" or "<service>:<action>", e.g. "ecr:BatchGetImage" or "ecr:Get*"`);
    }
    return item.value;
  });
  return { negated: picked.negated, values };
}

function parseResources(statement: JsonObject, path: string, kind: PolicyKind): ValueList | undefined {
  const missing = kind === "identity" ? `must have a Resource or NotResource element in an identity policy (use "*" for all resources)` : undefined;
  const picked = pick(statement, path, "Resource", "NotResource", missing);
  if (picked === undefined) return undefined;
  const elementPath = `${path}.${picked.negated ? "NotResource" : "Resource"}`;
  const values = stringList(picked.raw, elementPath).map((item) => {
    if (item.value !== "*" && !looksLikeArn(item.value)) {
      fail(`${item.path} ${show(item.value)} is not "*" or an ARN such as "arn:aws:ecr:us-east-1:123456789012:repository/my-repo"`);
    }
    return item.value;
  });
  return { negated: picked.negated, values };
}

function parsePrincipal(statement: JsonObject, path: string, kind: PolicyKind): PrincipalElement | undefined {
  if (kind === "identity") {
    for (const name of ["Principal", "NotPrincipal"]) {
      if (has(statement, name)) {
        fail(`${path}.${name} is not allowed in an identity policy; the principal is whoever the policy is attached to`);
      }
    }
    return undefined;
  }
  const picked = pick(statement, path, "Principal", "NotPrincipal", "must have a Principal or NotPrincipal element in a resource policy (who the statement applies to)");
  if (picked === undefined) return undefined;
  const elementPath = `${path}.${picked.negated ? "NotPrincipal" : "Principal"}`;
  const raw = picked.raw;
  if (raw === "*") return { negated: picked.negated, spec: { kind: "any" } };
  if (!isObject(raw)) fail(`${elementPath} must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}, not ${show(raw)}`);
  checkKeys(raw, PRINCIPAL_KEYS, elementPath);
  if (Object.keys(raw).length === 0) fail(`${elementPath} must name at least one principal, e.g. {"AWS": "123456789012"}`);

  const list = (key: string): string[] => {
    if (!has(raw, key)) return [];
    return stringList(raw[key], `${elementPath}.${key}`).map((item) => {
      if (item.value === "") fail(`${item.path} must not be empty`);
      if (key === "AWS") {
        const problem = awsPrincipalProblem(item.value);
        if (problem !== undefined) fail(`${item.path} ${show(item.value)} ${problem}`);
      }
      return item.value;
    });
  };
  return {
    negated: picked.negated,
    spec: { kind: "map", aws: list("AWS"), service: list("Service"), federated: list("Federated"), canonicalUser: list("CanonicalUser") },
  };
}

function parseCondition(value: unknown, path: string): ConditionClause[] {
  if (!isObject(value)) fail(`${path} must be an object such as {"StringEquals": {"aws:username": "ci-bot"}}, not ${show(value)}`);
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const parsed = parseConditionOperator(operator);
    if (!parsed.ok) fail(`${path} operator "${operator}" ${parsed.problem}`);
    const blockPath = `${path}.${operator}`;
    if (!isObject(block)) fail(`${blockPath} must be an object mapping condition keys to values, not ${show(block)}`);
    const entries = Object.entries(block);
    if (entries.length === 0) fail(`${blockPath} must name at least one condition key`);
    for (const [key, raw] of entries) {
      const keyPath = `${blockPath}[${JSON.stringify(key)}]`;
      if (!CONDITION_KEY.test(key)) fail(`${blockPath} key ${show(key)} is not a condition key; keys look like "aws:SourceIp" or "aws:PrincipalTag/team"`);
      const items = scalarList(raw, keyPath).map((item) => {
        const checked = normalizeConditionValue(parsed.base, item.value);
        if ("problem" in checked) fail(`${item.path} ${show(item.value)} ${checked.problem}`);
        return checked.value;
      });
      const base = { operator, base: parsed.base, ifExists: parsed.ifExists, key, values: items };
      clauses.push(parsed.set === undefined ? base : { ...base, set: parsed.set });
    }
  }
  return clauses;
}

/** Condition values: a string, number or boolean, or a non-empty array of them; compared as text. */
function scalarList(value: unknown, path: string): { value: string; path: string }[] {
  const scalar = (item: unknown, itemPath: string): { value: string; path: string } => {
    if (typeof item === "string") return { value: item, path: itemPath };
    if (typeof item === "number" || typeof item === "boolean") return { value: String(item), path: itemPath };
    fail(`${itemPath} must be a string, number or boolean, not ${show(item)}`);
  };
  if (Array.isArray(value)) {
    if (value.length === 0) fail(`${path} must not be an empty array`);
    return value.map((item: unknown, i) => scalar(item, `${path}[${i}]`));
  }
  return [scalar(value, path)];
}
