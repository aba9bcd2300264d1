// Registry domain errors. Codes name conditions; lib/oci/wire-errors.ts maps them to the OCI
// error codes and HTTP statuses (and the ECR API face will map them to exception names).

export type RegistryErrorCode =
  /** The blob is not stored in (or not linked to) this repository. */
  | "BlobUnknown"
  /** The upload session does not exist (finished, cancelled, expired, or never started). */
  | "UploadUnknown"
  /** The upload is malformed or out of order (e.g. a chunk that does not start at the offset). */
  | "UploadInvalid"
  /** A chunk's Content-Range does not continue the upload; `details.offset` is where it is. */
  | "RangeInvalid"
  /** The uploaded bytes do not hash to the digest the client announced. */
  | "DigestInvalid"
  /** The announced size does not match what arrived. */
  | "SizeInvalid"
  /** A manifest refers to blobs or manifests this repository does not have; `details.missing`. */
  | "ManifestBlobUnknown"
  /** The manifest is not valid JSON or does not match its media type's schema. */
  | "ManifestInvalid"
  /** No manifest with this tag or digest. */
  | "ManifestUnknown"
  /** The repository name breaks the naming rules. */
  | "NameInvalid"
  /** The repository does not exist in this account; push needs it created first (as on ECR). */
  | "NameUnknown"
  /** A tag cannot be written (immutable repository); `details.tag`. */
  | "TagInvalid"
  /** Credentials missing, wrong, expired or revoked. */
  | "Unauthorized"
  /** Authenticated but not allowed, or over a quota; the message says which. */
  | "Denied"
  /** A rate or concurrency limit; try again later. */
  | "TooManyRequests"
  /** The request is well-formed but not supported here. */
  | "Unsupported"
  /** A repository with this name already exists in the account. */
  | "RepositoryAlreadyExists"
  /** The repository still has images and `force` was not given. */
  | "RepositoryNotEmpty";

export class RegistryError extends Error {
  override readonly name = "RegistryError";
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isRegistryError(error: unknown, code?: RegistryErrorCode): error is RegistryError {
  return error instanceof RegistryError && (code === undefined || error.code === code);
}
