// ECR control-plane errors, named exactly as ECR's exceptions (ecr-spec §4). The JSON API face
// sends them as {"__type": name, "message": message}; the console shows the message; the OCI face
// maps the few that can arise from /v2/ to OCI codes.

export const ECR_EXCEPTIONS = [
  "AccessDeniedException",
  "EmptyUploadException",
  "ImageAlreadyExistsException",
  "ImageDigestDoesNotMatchException",
  "ImageNotFoundException",
  "ImageTagAlreadyExistsException",
  "InvalidLayerException",
  "InvalidLayerPartException",
  "InvalidParameterException",
  "InvalidTagParameterException",
  "KmsException",
  "LayerAlreadyExistsException",
  "LayerInaccessibleException",
  "LayerPartTooSmallException",
  "LayersNotFoundException",
  "LifecyclePolicyNotFoundException",
  "LifecyclePolicyPreviewInProgressException",
  "LifecyclePolicyPreviewNotFoundException",
  "LimitExceededException",
  "ReferencedImagesNotFoundException",
  "RegistryPolicyNotFoundException",
  "RepositoryAlreadyExistsException",
  "RepositoryNotEmptyException",
  "RepositoryNotFoundException",
  "RepositoryPolicyNotFoundException",
  "ScanNotFoundException",
  "ServerException",
  "TooManyTagsException",
  "UploadNotFoundException",
  "ValidationException",
] as const;
export type EcrExceptionName = (typeof ECR_EXCEPTIONS)[number];

export class EcrError extends Error {
  override readonly name = "EcrError";
  constructor(
    readonly type: EcrExceptionName,
    message: string,
    /** Extra members some exceptions carry on the wire (e.g. lastValidByteReceived). */
    readonly extra: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export function isEcrError(error: unknown, type?: EcrExceptionName): error is EcrError {
  return error instanceof EcrError && (type === undefined || error.type === type);
}

/** The service's wording for a request member that breaks a constraint. */
export function invalidParameter(member: string, constraint: string): EcrError {
  return new EcrError("InvalidParameterException", `Invalid parameter at '${member}' failed to satisfy constraint: '${constraint}'`);
}
