// Domain errors: a closed set of codes that know nothing about HTTP. Each face (pages, server
// actions, CLI, later the OCI and ECR APIs) maps codes to its own protocol in one place.

export type DomainErrorCode =
  /** Input failed validation; `details.fields` maps field names to message keys. Show them next to the fields. */
  | "InvalidInput"
  /** Sign-in with an unknown email or a wrong password. Never say which of the two. */
  | "InvalidCredentials"
  /** Too many failed sign-ins; `details.retryAfterSeconds` says when to try again. */
  | "RateLimited"
  /** Sign-up or upgrade with an email that already has an account. */
  | "EmailTaken"
  /** The action needs a signed-in user. */
  | "Unauthenticated"
  /** The user is signed in but their role does not allow the action. */
  | "Forbidden"
  /** A referenced record (user, lesson) does not exist. */
  | "NotFound"
  /** The operation does not apply to this record's state (e.g. upgrading a non-guest). */
  | "Conflict";

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
