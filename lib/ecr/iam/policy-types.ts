// The parsed, validated shape of an IAM policy document. Produced only by parsePolicyDocument, so
// the evaluator can trust every field (no re-validation at request time).

import type { ConditionBase } from "./condition-operators";

/** "identity" = attached to a user/role (needs Resource, forbids Principal); "resource" = repository or registry policy. */
export type PolicyKind = "identity" | "resource";
export type PolicyVersion = "2012-10-17" | "2008-10-17";
export type Effect = "Allow" | "Deny";

/** Action/NotAction and Resource/NotResource: `negated` is true for the Not… form. */
export type ValueList = { readonly negated: boolean; readonly values: readonly string[] };

export type PrincipalSpec =
  | { readonly kind: "any" }
  | {
      readonly kind: "map";
      readonly aws: readonly string[];
      /** Stored so learners see them round-trip; they never match a user or role. */
      readonly service: readonly string[];
      readonly federated: readonly string[];
      readonly canonicalUser: readonly string[];
    };

/** Principal/NotPrincipal. */
export type PrincipalElement = { readonly negated: boolean; readonly spec: PrincipalSpec };

export type SetQualifier = "ForAnyValue" | "ForAllValues";

/** One `operator: { key: values }` pair, flattened: a statement's clauses are ANDed. */
export type ConditionClause = {
  /** The operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  readonly operator: string;
  readonly base: ConditionBase;
  readonly ifExists: boolean;
  readonly set?: SetQualifier;
  readonly key: string;
  /** Values as strings (IAM accepts JSON numbers and booleans and compares their text). */
  readonly values: readonly string[];
};

export type PolicyStatement = {
  readonly sid?: string;
  readonly effect: Effect;
  readonly action: ValueList;
  /** Absent only in resource policies, where it means "the resource this policy is attached to". */
  readonly resource?: ValueList;
  /** Present in every resource-policy statement, never in identity policies. */
  readonly principal?: PrincipalElement;
  readonly conditions: readonly ConditionClause[];
};

export type PolicyDocument = {
  readonly kind: PolicyKind;
  /** 2008-10-17 when Version is omitted, as IAM does; policy variables work only under 2012-10-17. */
  readonly version: PolicyVersion;
  readonly versionGiven: boolean;
  readonly id?: string;
  readonly statements: readonly PolicyStatement[];
};
