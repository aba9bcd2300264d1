// Simulated IAM access keys for the ECR API (SigV4). A principal (the learner as the account's
// root, or one of their IAM users) has at most two keys, as in IAM. Secrets are shown once at
// creation and on the Credentials page to their owner; they are stored encrypted (secret-box).
import { randomBytes, randomInt } from "node:crypto";
import type { Deps } from "../core/deps";
import { DomainError } from "../core/errors";
import { openSecret, sealSecret } from "../core/secret-box";

export const MAX_KEYS_PER_PRINCIPAL = 2;
type KeyDeps = Pick<Deps, "db" | "clock" | "config">;

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function newAccessKeyId(): string {
  return "AKIA" + Array.from({ length: 16 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("");
}

function newSecret(): string {
  return randomBytes(30).toString("base64").replace(/[+/]/g, (c) => (c === "+" ? "A" : "b")).slice(0, 40);
}

export type AccessKeyWithSecret = { accessKeyId: string; secretAccessKey: string; status: "Active" | "Inactive"; createdAt: Date; userName: string | null };

export async function createAccessKey(deps: KeyDeps, accountId: string, iamUserId: string | null = null): Promise<AccessKeyWithSecret> {
  const existing = await deps.db.accessKey.count({ where: { accountId, iamUserId } });
  if (existing >= MAX_KEYS_PER_PRINCIPAL) throw new DomainError("Conflict", `A user can have at most ${MAX_KEYS_PER_PRINCIPAL} access keys. Delete or rotate one first.`, { quota: "accessKeys" });
  const accessKeyId = newAccessKeyId();
  const secretAccessKey = newSecret();
  const createdAt = deps.clock.now();
  const row = await deps.db.accessKey.create({
    data: { accessKeyId, accountId, iamUserId, secretEncrypted: sealSecret(deps.config.dataDir, secretAccessKey), createdAt },
    include: { iamUser: { select: { name: true } } },
  });
  return { accessKeyId, secretAccessKey, status: "Active", createdAt, userName: row.iamUser?.name ?? null };
}

/** The principal's keys with their secrets (for the owner's Credentials page). */
export async function listAccessKeys(deps: KeyDeps, accountId: string, iamUserId: string | null = null): Promise<AccessKeyWithSecret[]> {
  const rows = await deps.db.accessKey.findMany({ where: { accountId, iamUserId }, orderBy: { createdAt: "asc" }, include: { iamUser: { select: { name: true } } } });
  return rows.map((r) => ({
    accessKeyId: r.accessKeyId,
    secretAccessKey: openSecret(deps.config.dataDir, r.secretEncrypted),
    status: r.status === "Inactive" ? "Inactive" : "Active",
    createdAt: r.createdAt,
    userName: r.iamUser?.name ?? null,
  }));
}

/** Replaces all of a principal's keys with one new key. */
export async function rotateAccessKeys(deps: KeyDeps, accountId: string, iamUserId: string | null = null): Promise<AccessKeyWithSecret> {
  await deps.db.accessKey.deleteMany({ where: { accountId, iamUserId } });
  return createAccessKey(deps, accountId, iamUserId);
}

export async function deleteAccessKey(deps: KeyDeps, accountId: string, accessKeyId: string): Promise<void> {
  const { count } = await deps.db.accessKey.deleteMany({ where: { accountId, accessKeyId } });
  if (!count) throw new DomainError("NotFound", `No access key ${accessKeyId} in this account.`);
}

export type ResolvedAccessKey = { accessKeyId: string; secretAccessKey: string; accountId: string; iamUserId: string | null; lastUsedAt: Date | null };

/** An active key and whose it is; null for unknown or inactive keys. */
export async function resolveAccessKey(deps: KeyDeps, accessKeyId: string): Promise<ResolvedAccessKey | null> {
  if (!/^AKIA[A-Z2-7]{16}$/.test(accessKeyId)) return null;
  const row = await deps.db.accessKey.findUnique({ where: { accessKeyId } });
  if (!row || row.status !== "Active") return null;
  let secretAccessKey: string;
  try {
    secretAccessKey = openSecret(deps.config.dataDir, row.secretEncrypted);
  } catch {
    return null; // sealed with a key this installation no longer has
  }
  return { accessKeyId, secretAccessKey, accountId: row.accountId, iamUserId: row.iamUserId, lastUsedAt: row.lastUsedAt };
}

/** Records use at most once a minute per key: a write on every call would cost more than the call. */
export async function markAccessKeyUsed(deps: KeyDeps, key: Pick<ResolvedAccessKey, "accessKeyId" | "lastUsedAt">): Promise<void> {
  const now = deps.clock.now();
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < 60_000) return;
  await deps.db.accessKey.update({ where: { accessKeyId: key.accessKeyId }, data: { lastUsedAt: now } });
}
