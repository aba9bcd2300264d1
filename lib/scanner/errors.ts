// The scanner's one error type. A scan either returns a result or fails with one of these codes;
// scanImage turns them into a failure value, so callers (the ECR scanning job, tests) never see a
// raw zlib, tar or JSON error.

export type ScanErrorCode =
  /** No OS identity and no package database: a scratch or artifact image. Report "UNSUPPORTED_IMAGE". */
  | "UnsupportedImage"
  /** A layer blob is missing or its bytes cannot be decompressed or parsed as tar. */
  | "LayerUnreadable"
  /** A safety limit (entries, file size, total bytes, decompression ratio) was hit; `details.limit` names it. */
  | "LimitExceeded"
  /** The manifest (or index) is missing, not JSON, or not a manifest type we know. */
  | "ManifestUnreadable";

export class ScanError extends Error {
  override readonly name = "ScanError";
  constructor(
    readonly code: ScanErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isScanError(error: unknown, code?: ScanErrorCode): error is ScanError {
  return error instanceof ScanError && (code === undefined || error.code === code);
}

/** Any error as a ScanError: ours pass through, anything else becomes `fallback` with its message. */
export function asScanError(error: unknown, fallback: ScanErrorCode, context: string, details: Record<string, unknown> = {}): ScanError {
  if (error instanceof ScanError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ScanError(fallback, `${context}: ${reason}`, details);
}
