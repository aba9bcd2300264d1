// Errors raised by the policy grammar, and their mapping onto the ECR wire errors.

import { EcrError, invalidParameter } from "../errors";

/** A policy document broke a grammar rule. `detail` names the rule and where, for a learner to fix it. */
export class PolicyValidationError extends Error {
  override readonly name = "PolicyValidationError";
  constructor(readonly detail: string) {
    super(`Invalid policy: ${detail}`);
  }
}

export function isPolicyValidationError(error: unknown): error is PolicyValidationError {
  return error instanceof PolicyValidationError;
}

/**
 * What the ECR API returns for a rejected policy (ecr-spec §4.5, §5; moto's wording [O]).
 * The service does not say what is wrong; the sandbox can show `error.detail` next to it.
 */
export function invalidPolicyTextError(target: "repository" | "registry"): EcrError {
  return invalidParameter("PolicyText", `Invalid ${target} policy provided`);
}
