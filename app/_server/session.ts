// The session cookie: httpOnly, SameSite=Lax, Secure over HTTPS. The token is random; the server
// keeps only its hash (lib/auth/sessions.ts).
import { cookies } from "next/headers";
import { cache } from "react";
import { getDeps } from "@/lib/core/deps";
import { createSession, deleteSession, findSessionUser, SESSION_COOKIE } from "@/lib/auth/sessions";
import type { PublicUser } from "@/lib/auth/users";
import { isHttps } from "./request";

/** The signed-in user of this request, or null. Cached per request. */
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionUser(getDeps(), token);
});

async function secureCookie(): Promise<boolean> {
  const mode = getDeps().config.secureCookies;
  return mode === "always" || (mode === "auto" && (await isHttps()));
}

/** Starts a session for `userId` and sets the cookie (server actions only). */
export async function startSession(userId: string): Promise<void> {
  const { token, expiresAt } = await createSession(getDeps(), userId);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await secureCookie(),
    path: "/",
    expires: expiresAt,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  await deleteSession(getDeps(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
}
