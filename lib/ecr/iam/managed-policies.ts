// The AWS managed policies for ECR, as identity-policy documents (ecr-spec §5 [D]).

import { PULL_ACTIONS, PUSH_ACTIONS } from "./actions";

export type ManagedPolicy = { readonly description: string; readonly document: string };

function allowAll(actions: readonly string[] | string): string {
  return JSON.stringify(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] },
    null,
    2,
  );
}

const READ_ONLY_ACTIONS = [
  "ecr:GetAuthorizationToken",
  "ecr:BatchCheckLayerAvailability",
  "ecr:GetDownloadUrlForLayer",
  "ecr:GetRepositoryPolicy",
  "ecr:DescribeRepositories",
  "ecr:ListImages",
  "ecr:DescribeImages",
  "ecr:BatchGetImage",
  "ecr:GetLifecyclePolicy",
  "ecr:GetLifecyclePolicyPreview",
  "ecr:ListTagsForResource",
  "ecr:DescribeImageScanFindings",
];

// PowerUser = ReadOnly + the four push calls that ReadOnly lacks.
const POWER_USER_ACTIONS = [...READ_ONLY_ACTIONS, ...PUSH_ACTIONS.filter((action) => !READ_ONLY_ACTIONS.includes(action))];

// [A] Our reading of PullOnly (added October 2024): token + layer check + pull. The spec names the
// policy but not its actions; AWS's published document may differ (e.g. it may carry
// ecr:BatchImportUpstreamImage for pull-through cache).
const PULL_ONLY_ACTIONS = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", ...PULL_ACTIONS];

export const MANAGED_POLICIES = {
  AmazonEC2ContainerRegistryReadOnly: {
    description: "Read-only access to ECR repositories: log in, list and describe, pull images.",
    document: allowAll(READ_ONLY_ACTIONS),
  },
  AmazonEC2ContainerRegistryPowerUser: {
    description: "ReadOnly plus pushing images; no repository deletion or policy changes.",
    document: allowAll(POWER_USER_ACTIONS),
  },
  // The real policy also grants a few non-ECR extras (e.g. cloudtrail:LookupEvents); not modelled.
  AmazonEC2ContainerRegistryFullAccess: {
    description: "Full administrative access to ECR (ecr:*).",
    document: allowAll("ecr:*"),
  },
  AmazonEC2ContainerRegistryPullOnly: {
    description: "Only what is needed to pull images (for EC2/ECS/EKS nodes).",
    document: allowAll(PULL_ONLY_ACTIONS),
  },
} as const satisfies Record<string, ManagedPolicy>;

export type ManagedPolicyName = keyof typeof MANAGED_POLICIES;
