// The ECR IAM actions the simulator knows (ecr-spec §4.3 and §5).

/** Every operation of the ECR API (ecr-spec §4.3, 58 in the current model). */
export const ECR_OPERATIONS = [
  "BatchCheckLayerAvailability",
  "BatchDeleteImage",
  "BatchGetImage",
  "BatchGetRepositoryScanningConfiguration",
  "CompleteLayerUpload",
  "CreatePullThroughCacheRule",
  "CreateRepository",
  "CreateRepositoryCreationTemplate",
  "DeleteLifecyclePolicy",
  "DeletePullThroughCacheRule",
  "DeleteRegistryPolicy",
  "DeleteRepository",
  "DeleteRepositoryCreationTemplate",
  "DeleteRepositoryPolicy",
  "DeleteSigningConfiguration",
  "DeregisterPullTimeUpdateExclusion",
  "DescribeImageReplicationStatus",
  "DescribeImageScanFindings",
  "DescribeImageSigningStatus",
  "DescribeImages",
  "DescribePullThroughCacheRules",
  "DescribeRegistry",
  "DescribeRepositories",
  "DescribeRepositoryCreationTemplates",
  "GetAccountSetting",
  "GetAuthorizationToken",
  "GetDownloadUrlForLayer",
  "GetLifecyclePolicy",
  "GetLifecyclePolicyPreview",
  "GetRegistryPolicy",
  "GetRegistryScanningConfiguration",
  "GetRepositoryPolicy",
  "GetSigningConfiguration",
  "InitiateLayerUpload",
  "ListImageReferrers",
  "ListImages",
  "ListPullTimeUpdateExclusions",
  "ListTagsForResource",
  "PutAccountSetting",
  "PutImage",
  "PutImageScanningConfiguration",
  "PutImageTagMutability",
  "PutLifecyclePolicy",
  "PutRegistryPolicy",
  "PutRegistryScanningConfiguration",
  "PutReplicationConfiguration",
  "PutSigningConfiguration",
  "RegisterPullTimeUpdateExclusion",
  "SetRepositoryPolicy",
  "StartImageScan",
  "StartLifecyclePolicyPreview",
  "TagResource",
  "UntagResource",
  "UpdateImageStorageClass",
  "UpdatePullThroughCacheRule",
  "UpdateRepositoryCreationTemplate",
  "UploadLayerPart",
  "ValidatePullThroughCacheRule",
] as const;
export type EcrOperation = (typeof ECR_OPERATIONS)[number];

/** Actions that authorise something other than one API call of the same name (ecr-spec §5). */
export const PERMISSION_ONLY_ACTIONS = ["ecr:BatchImportUpstreamImage", "ecr:ReplicateImage"] as const;

/** Every operation as "ecr:<Operation>", plus the permission-only actions. */
export const ECR_ACTIONS: readonly string[] = [...ECR_OPERATIONS.map((operation) => `ecr:${operation}`), ...PERMISSION_ONLY_ACTIONS];

/** What a Docker/OCI pull of an image needs on the repository (ecr-spec §5). */
export const PULL_ACTIONS = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] as const;

/** What a Docker/OCI push needs on the repository (ecr-spec §5); GetAuthorizationToken is separate. */
export const PUSH_ACTIONS = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:InitiateLayerUpload",
  "ecr:UploadLayerPart",
  "ecr:CompleteLayerUpload",
  "ecr:PutImage",
] as const;

/**
 * The action IAM checks for an API operation. ListImageReferrers is authorised by
 * ecr:BatchGetImage (ecr-spec §5 [M doc]); every other operation by its own name.
 */
export function actionForOperation(operation: EcrOperation): string {
  return operation === "ListImageReferrers" ? "ecr:BatchGetImage" : `ecr:${operation}`;
}

/** Case-insensitive, as IAM compares action names. */
export function isKnownEcrAction(action: string): boolean {
  const lower = action.toLowerCase();
  return ECR_ACTIONS.some((known) => known.toLowerCase() === lower);
}
