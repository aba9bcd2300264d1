// The one table from registry errors to OCI Distribution error codes and HTTP statuses, and the
// only writer of OCI error bodies: {"errors":[{"code","message","detail"}]}.
import { BlobStoreError } from "../blobstore/blob-store";
import { isRegistryError, type RegistryErrorCode } from "../registry/errors";
import { isEcrError } from "../ecr/errors";
import type { OciResponse } from "./exchange";

type Wire = { code: string; status: number };

const TABLE: Record<RegistryErrorCode, Wire> = {
  BlobUnknown: { code: "BLOB_UNKNOWN", status: 404 },
  UploadUnknown: { code: "BLOB_UPLOAD_UNKNOWN", status: 404 },
  UploadInvalid: { code: "BLOB_UPLOAD_INVALID", status: 400 },
  RangeInvalid: { code: "BLOB_UPLOAD_INVALID", status: 416 },
  DigestInvalid: { code: "DIGEST_INVALID", status: 400 },
  SizeInvalid: { code: "SIZE_INVALID", status: 400 },
  ManifestBlobUnknown: { code: "MANIFEST_BLOB_UNKNOWN", status: 400 },
  ManifestInvalid: { code: "MANIFEST_INVALID", status: 400 },
  ManifestUnknown: { code: "MANIFEST_UNKNOWN", status: 404 },
  NameInvalid: { code: "NAME_INVALID", status: 400 },
  NameUnknown: { code: "NAME_UNKNOWN", status: 404 },
  TagInvalid: { code: "TAG_INVALID", status: 400 },
  Unauthorized: { code: "UNAUTHORIZED", status: 401 },
  Denied: { code: "DENIED", status: 403 },
  TooManyRequests: { code: "TOOMANYREQUESTS", status: 429 },
  Unsupported: { code: "UNSUPPORTED", status: 405 },
  RepositoryAlreadyExists: { code: "DENIED", status: 409 },
  RepositoryNotEmpty: { code: "DENIED", status: 409 },
};

export const REGISTRY_HEADERS = { "Docker-Distribution-API-Version": "registry/2.0", "X-Content-Type-Options": "nosniff" };
export const AUTH_CHALLENGE = 'Basic realm="Dockyard registry (user AWS, password from Registry login)"';

export function ociErrorResponse(code: string, status: number, message: string, detail: unknown = {}, extraHeaders: Record<string, string> = {}): OciResponse {
  const headers: Record<string, string> = { ...REGISTRY_HEADERS, "Content-Type": "application/json", ...extraHeaders };
  if (status === 401) headers["WWW-Authenticate"] = AUTH_CHALLENGE;
  return { status, headers, body: JSON.stringify({ errors: [{ code, message, detail }] }) };
}

/** Converts anything thrown while serving /v2/ into an OCI error response; unknown errors are 500 without internals. */
export function toOciErrorResponse(error: unknown): OciResponse {
  if (isRegistryError(error)) {
    const wire = TABLE[error.code];
    const extra: Record<string, string> = {};
    if (error.code === "RangeInvalid" && typeof error.details.offset === "number") extra.Range = `0-${Math.max(0, error.details.offset - 1)}`;
    return ociErrorResponse(wire.code, wire.status, error.message, error.details, extra);
  }
  if (isEcrError(error, "AccessDeniedException")) return ociErrorResponse("DENIED", 403, error.message);
  if (error instanceof BlobStoreError && error.code === "BlobOffsetInvalid") return ociErrorResponse("BLOB_UNKNOWN", 416, "The requested range is not satisfiable.");
  console.error("registry: unexpected error", error);
  return ociErrorResponse("UNKNOWN", 500, "The registry hit an internal error. Nothing was changed; please retry.");
}
