// Public API of the IAM policy grammar and evaluator for the simulated ECR.

export { accessDeniedError } from "./access-denied";
export {
  ECR_ACTIONS,
  ECR_OPERATIONS,
  PERMISSION_ONLY_ACTIONS,
  PULL_ACTIONS,
  PUSH_ACTIONS,
  actionForOperation,
  isKnownEcrAction,
  type EcrOperation,
} from "./actions";
export { CONDITION_BASES, type ConditionBase } from "./condition-operators";
export {
  evaluateAccess,
  type AuthorizationRequest,
  type Decision,
  type PolicySource,
  type StatementRef,
} from "./evaluate";
export { MANAGED_POLICIES, type ManagedPolicy, type ManagedPolicyName } from "./managed-policies";
export { POLICY_SIZE_LIMITS, parsePolicyDocument } from "./policy-document";
export { PolicyValidationError, invalidPolicyTextError, isPolicyValidationError } from "./policy-errors";
export type {
  ConditionClause,
  Effect,
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  PolicyVersion,
  PrincipalElement,
  PrincipalSpec,
  SetQualifier,
  ValueList,
} from "./policy-types";
