// Content digests ("sha256:<64 hex>", "sha512:<128 hex>"), computed while streaming.
import { createHash, type Hash } from "node:crypto";
import { RegistryError } from "./errors";

export type DigestAlgorithm = "sha256" | "sha512";
const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

export type ParsedDigest = { algorithm: DigestAlgorithm; hex: string; digest: string };

/** Parses a digest the registry can verify; null for anything else (unknown algorithm, bad hex). */
export function parseDigest(value: string): ParsedDigest | null {
  const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(value);
  if (!m) return null;
  const algorithm = m[1] as DigestAlgorithm;
  const hex = m[2]!;
  return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex, digest: value } : null;
}

/** True when the string has digest shape (algorithm:encoded), even with an algorithm we lack. */
export function looksLikeDigest(value: string): boolean {
  return /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(value);
}

export function newHasher(algorithm: DigestAlgorithm = "sha256"): Hash {
  return createHash(algorithm);
}

export function digestOf(data: Uint8Array, algorithm: DigestAlgorithm = "sha256"): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest("hex")}`;
}

/** A digest from a request (query parameter or path); DigestInvalid when unsupported. */
export function parseDigestOrThrow(value: string | null): ParsedDigest {
  const parsed = value ? parseDigest(value) : null;
  if (!parsed) throw new RegistryError("DigestInvalid", `"${value ?? ""}" is not a supported digest (sha256:<64 hex> or sha512:<128 hex>).`, { digest: value });
  return parsed;
}
