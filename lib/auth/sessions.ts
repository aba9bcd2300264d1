// Server-side sessions. The browser holds a random 256-bit token in an httpOnly cookie; the
// database stores only its SHA-256, so a leaked database cannot be replayed as cookies.
import type { Deps } from "../core/deps";
import { sha256Hex } from "../core/ids";
import { toPublicUser, type PublicUser } from "./users";

export const SESSION_COOKIE = "dockyard_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sessions are extended on use, but the row is written at most this often. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type NewSession = { token: string; expiresAt: Date };

export async function createSession(deps: Pick<Deps, "db" | "ids" | "clock">, userId: string): Promise<NewSession> {
  const token = deps.ids.secret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deps.db.session.create({
    data: { id: deps.ids.id(), tokenHash: sha256Hex(token), userId, createdAt: now, lastSeenAt: now, expiresAt },
  });
  return { token, expiresAt };
}

/** The user behind a session token, or null when the token is unknown or expired. */
export async function findSessionUser(deps: Pick<Deps, "db" | "clock">, token: string | undefined): Promise<PublicUser | null> {
  if (!token || token.length > 200) return null;
  const session = await deps.db.session.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  if (!session) return null;
  const now = deps.clock.now();
  if (session.expiresAt <= now) {
    await deps.db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await deps.db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  return toPublicUser(session.user);
}

export async function deleteSession(deps: Pick<Deps, "db">, token: string | undefined): Promise<void> {
  if (!token) return;
  await deps.db.session.deleteMany({ where: { tokenHash: sha256Hex(token) } });
}

/** Ends every session of a user (after a password change, for example). */
export async function deleteUserSessions(deps: Pick<Deps, "db">, userId: string): Promise<void> {
  await deps.db.session.deleteMany({ where: { userId } });
}
