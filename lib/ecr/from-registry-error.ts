// Registry-core errors reaching an ECR operation become the matching ECR exception, once.
import { isRegistryError } from "../registry/errors";
import { EcrError, invalidParameter } from "./errors";

export function toEcrError(error: unknown): unknown {
  if (!isRegistryError(error)) return error;
  switch (error.code) {
    case "NameUnknown":
      return new EcrError("RepositoryNotFoundException", error.message);
    case "NameInvalid":
      return invalidParameter("repositoryName", error.message);
    case "RepositoryAlreadyExists":
      return new EcrError("RepositoryAlreadyExistsException", error.message);
    case "RepositoryNotEmpty":
      return new EcrError("RepositoryNotEmptyException", error.message);
    case "ManifestUnknown":
      return new EcrError("ImageNotFoundException", error.message);
    case "ManifestBlobUnknown":
      return new EcrError("LayersNotFoundException", error.message);
    case "TagInvalid":
      return new EcrError("ImageTagAlreadyExistsException", error.message);
    case "Denied":
    case "TooManyRequests":
      return new EcrError("LimitExceededException", error.message);
    case "BlobUnknown":
      return new EcrError("LayersNotFoundException", error.message);
    case "UploadUnknown":
      return new EcrError("UploadNotFoundException", error.message);
    case "DigestInvalid":
      return new EcrError("InvalidLayerException", error.message);
    default:
      return invalidParameter("request", error.message);
  }
}

/** Runs registry-core work, translating its errors. */
export async function viaRegistry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toEcrError(error);
  }
}
