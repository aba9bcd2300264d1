// ECR-style registry credentials. As with ECR's GetAuthorizationToken, a token is the base64 of
// "AWS:<password>", valid 12 hours; docker and skopeo send it as HTTP Basic auth with the user
// name AWS. We store only the SHA-256 of the password, so tokens can be revoked but not recovered.
import type { Deps } from "../core/deps";
import { sha256Hex } from "../core/ids";
import { toPublicUser, type PublicUser } from "./users";

/** @see ecr-spec §4.2: expiresAt = issue time + 12 hours. */
export const REGISTRY_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
const PASSWORD_PREFIX = "dyr1.";

export type RegistryCredentials = {
  userName: "AWS";
  password: string;
  /** base64("AWS:" + password), the shape of ECR's authorizationToken. */
  authorizationToken: string;
  expiresAt: Date;
};

type TokenDeps = Pick<Deps, "db" | "ids" | "clock">;

/**
 * Issues a token for the learner (the account's root) or one of their simulated IAM users.
 * Times are on the account's simulated clock, so advancing it expires tokens as real time would.
 */
export async function issueRegistryToken(deps: TokenDeps, userId: string, iamUserId: string | null = null): Promise<RegistryCredentials> {
  const password = PASSWORD_PREFIX + deps.ids.secret();
  const owner = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { clockOffsetSeconds: true } });
  const now = new Date(deps.clock.now().getTime() + owner.clockOffsetSeconds * 1000);
  const expiresAt = new Date(now.getTime() + REGISTRY_TOKEN_TTL_MS);
  await deps.db.registryToken.create({ data: { id: deps.ids.id(), userId, iamUserId, tokenHash: sha256Hex(password), createdAt: now, expiresAt } });
  return { userName: "AWS", password, authorizationToken: Buffer.from(`AWS:${password}`).toString("base64"), expiresAt };
}

/** Parses "Basic base64(user:password)"; null when absent or malformed. */
export function parseBasicAuth(header: string | null): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!m?.[1] || m[1].length > 4096) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * The learner a registry password belongs to (and the IAM user it was issued to, if any), when it
 * is current: not revoked, and not expired by the account's simulated clock.
 */
export async function authenticateRegistryPassword(deps: Pick<Deps, "db" | "clock">, user: string, password: string): Promise<(PublicUser & { iamUserId: string | null }) | null> {
  if (user !== "AWS" || !password.startsWith(PASSWORD_PREFIX) || password.length > 200) return null;
  const token = await deps.db.registryToken.findUnique({ where: { tokenHash: sha256Hex(password) }, include: { user: true } });
  if (!token || token.revokedAt) return null;
  const accountNow = deps.clock.now().getTime() + token.user.clockOffsetSeconds * 1000;
  if (token.expiresAt.getTime() <= accountNow) return null;
  return { ...toPublicUser(token.user), iamUserId: token.iamUserId };
}

/** Revokes every current token of a user (e.g. "sign out everywhere" for the registry). */
export async function revokeRegistryTokens(deps: Pick<Deps, "db" | "clock">, userId: string): Promise<number> {
  const { count } = await deps.db.registryToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: deps.clock.now() } });
  return count;
}
