// ECR lifecycle policies: validation (ecr-spec §1.2), tag matching (§1.3) and evaluation (§1.4).
// Pure and framework-free: no I/O, no clock of its own.
export { parseLifecyclePolicy, MAX_RULES, POLICY_TEXT_MAX, POLICY_TEXT_MIN } from "./validate";
export { evaluateLifecyclePolicy, type LifecycleAction, type LifecycleImage } from "./evaluate";
export { compileTagPattern, compileTagSelector, tagSelects, type TagSelection, type TagSelector } from "./match";
export type {
  ActionType,
  CountType,
  LifecyclePolicy,
  LifecycleRule,
  LifecycleRuleAction,
  LifecycleSelection,
  StorageClass,
  TagStatus,
} from "./policy-schema";
