// The operation table: ECR operation name → implementation. Every face dispatches through it.
import type { EcrContext } from "../context";
import * as images from "./images";
import * as layers from "./layers";
import * as lifecycle from "./lifecycle";
import * as registry from "./registry";
import * as repositories from "./repositories";
import * as repositoryPolicy from "./repository-policy";
import * as tags from "./tags";
import * as sandboxClock from "./sandbox-clock";
import * as scanning from "./scanning";

type Operation = (ctx: EcrContext, input: unknown) => Promise<object>;

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateRepository: repositories.createRepository,
  DescribeRepositories: repositories.describeRepositories,
  DeleteRepository: repositories.deleteRepository,
  PutImageTagMutability: repositories.putImageTagMutability,
  PutImageScanningConfiguration: repositories.putImageScanningConfiguration,
  ListImages: images.listImages,
  DescribeImages: images.describeImages,
  BatchGetImage: images.batchGetImage,
  BatchDeleteImage: images.batchDeleteImage,
  PutImage: images.putImage,
  BatchCheckLayerAvailability: layers.batchCheckLayerAvailability,
  InitiateLayerUpload: layers.initiateLayerUpload,
  UploadLayerPart: layers.uploadLayerPart,
  CompleteLayerUpload: layers.completeLayerUpload,
  GetDownloadUrlForLayer: layers.getDownloadUrlForLayer,
  GetAuthorizationToken: registry.getAuthorizationToken,
  DescribeRegistry: registry.describeRegistry,
  GetRegistryScanningConfiguration: registry.getRegistryScanningConfiguration,
  PutRegistryScanningConfiguration: registry.putRegistryScanningConfiguration,
  PutLifecyclePolicy: lifecycle.putLifecyclePolicy,
  GetLifecyclePolicy: lifecycle.getLifecyclePolicy,
  DeleteLifecyclePolicy: lifecycle.deleteLifecyclePolicy,
  StartLifecyclePolicyPreview: lifecycle.startLifecyclePolicyPreview,
  GetLifecyclePolicyPreview: lifecycle.getLifecyclePolicyPreview,
  SetRepositoryPolicy: repositoryPolicy.setRepositoryPolicy,
  GetRepositoryPolicy: repositoryPolicy.getRepositoryPolicy,
  DeleteRepositoryPolicy: repositoryPolicy.deleteRepositoryPolicy,
  PutRegistryPolicy: repositoryPolicy.putRegistryPolicy,
  GetRegistryPolicy: repositoryPolicy.getRegistryPolicy,
  DeleteRegistryPolicy: repositoryPolicy.deleteRegistryPolicy,
  StartImageScan: scanning.startImageScan,
  DescribeImageScanFindings: scanning.describeImageScanFindings,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListTagsForResource: tags.listTagsForResource,
};

/** Dockyard's own calls (X-Amz-Target DockyardSandbox.<Op>), for scripts that drive the sandbox. */
export const SANDBOX_OPERATIONS: Readonly<Record<string, Operation>> = {
  GetClock: sandboxClock.getClock,
  AdvanceClock: sandboxClock.advanceClock,
};

export const ECR_TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
export const SANDBOX_TARGET_PREFIX = "DockyardSandbox.";

/** The operation an X-Amz-Target names, if any. */
export function findOperation(target: string): Operation | undefined {
  const [table, name] = target.startsWith(ECR_TARGET_PREFIX)
    ? [OPERATIONS, target.slice(ECR_TARGET_PREFIX.length)]
    : target.startsWith(SANDBOX_TARGET_PREFIX)
      ? [SANDBOX_OPERATIONS, target.slice(SANDBOX_TARGET_PREFIX.length)]
      : [null, ""];
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}
