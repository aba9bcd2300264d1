// Identifiers and secrets. Random values come from node:crypto, never Math.random.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

export interface IdSource {
  /** A unique opaque id for database rows. */
  id(): string;
  /** A 12-digit AWS-style account id (never starting with 0, as in AWS's own examples). */
  accountId(): string;
  /** A high-entropy secret for cookies and tokens (base64url, 256 bits). */
  secret(): string;
}

export const randomIds: IdSource = {
  id: () => randomUUID(),
  accountId: () => String(randomInt(1, 10)) + Array.from({ length: 11 }, () => String(randomInt(0, 10))).join(""),
  secret: () => randomBytes(32).toString("base64url"),
};

/** Deterministic ids for tests: "id-1", "id-2", account ids 100000000001, ... */
export function sequentialIds(): IdSource {
  let n = 0;
  return {
    id: () => `id-${++n}`,
    accountId: () => String(100000000000 + ++n),
    secret: () => `secret-${++n}`.padEnd(43, "x"),
  };
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
