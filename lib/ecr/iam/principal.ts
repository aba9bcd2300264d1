// Principal / NotPrincipal: checking the values a policy names, and matching them to a caller.

import type { PrincipalElement } from "./policy-types";

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const IDENTITY_ARN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:[A-Za-z-]+\/\S+$/;

/** A problem description for an invalid "AWS" principal value, or undefined when it is fine. */
export function awsPrincipalProblem(value: string): string | undefined {
  if (value === "*" || ACCOUNT_ID.test(value) || ROOT_ARN.test(value)) return undefined;
  if (value.includes("*") || value.includes("?")) {
    return `uses a wildcard; in a Principal the only wildcard allowed is the whole value "*"`;
  }
  if (IDENTITY_ARN.test(value)) return undefined;
  return `is not a valid AWS principal; use "*", a 12-digit account ID, "arn:aws:iam::<account>:root" or an IAM user/role ARN`;
}

/** The account an "AWS" principal value stands for when it names a whole account. */
function accountOf(value: string): string | undefined {
  if (ACCOUNT_ID.test(value)) return value;
  return ROOT_ARN.exec(value)?.[1];
}

export type Caller = { readonly principalArn: string; readonly principalAccount: string };

/**
 * Does the element name this caller? An account (ID or root ARN) names every principal in it;
 * an IAM ARN is compared exactly and case-sensitively. Service, Federated and CanonicalUser
 * principals never match a caller of the simulated API.
 */
function names(element: PrincipalElement, caller: Caller): boolean {
  const spec = element.spec;
  if (spec.kind === "any") return true;
  return spec.aws.some((value) => {
    if (value === "*") return true;
    const account = accountOf(value);
    return account !== undefined ? account === caller.principalAccount : value === caller.principalArn;
  });
}

export function principalMatches(element: PrincipalElement, caller: Caller): boolean {
  return element.negated ? !names(element, caller) : names(element, caller);
}

/**
 * True when a (non-negated) element names this caller only through its account (an account ID or
 * root ARN), not as "*" or by the caller's own ARN. Naming an account delegates to that account's
 * IAM policies: such a statement does not by itself grant an IAM user anything, even in the same
 * account; the user also needs an identity-policy Allow (IAM's documented behaviour).
 */
export function namesOnlyThroughAccount(element: PrincipalElement, caller: Caller): boolean {
  const spec = element.spec;
  if (element.negated || spec.kind === "any") return false;
  if (caller.principalArn === `arn:aws:iam::${caller.principalAccount}:root`) return false;
  const direct = spec.aws.some((value) => value === "*" || value === caller.principalArn);
  const viaAccount = spec.aws.some((value) => accountOf(value) === caller.principalAccount);
  return viaAccount && !direct;
}
