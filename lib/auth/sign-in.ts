// Email + password sign-in with rate limiting of failures, per email and per client address.
import type { Deps } from "../core/deps";
import { DomainError } from "../core/errors";
import { sha256Hex } from "../core/ids";
import { dummyPasswordHash, verifyPassword } from "./password";
import { SignInSchema, fieldErrors } from "./schemas";
import { toPublicUser, type PublicUser } from "./users";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per email within the window before further attempts are refused. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures allowed per client (IP address) within the window, across all emails. */
export const MAX_FAILURES_PER_CLIENT = 30;

type SignInDeps = Pick<Deps, "db" | "clock">;

async function assertNotRateLimited(deps: SignInDeps, emailKey: string, clientKey: string): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - SIGN_IN_WINDOW_MS);
  const [byEmail, byClient] = await Promise.all([
    deps.db.signInFailure.findMany({ where: { emailKey, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    deps.db.signInFailure.count({ where: { clientKey, createdAt: { gt: since } } }),
  ]);
  if (byEmail.length >= MAX_FAILURES_PER_EMAIL || byClient >= MAX_FAILURES_PER_CLIENT) {
    const oldest = byEmail[0]?.createdAt ?? since;
    const retryAfterMs = Math.max(1000, oldest.getTime() + SIGN_IN_WINDOW_MS - deps.clock.now().getTime());
    throw new DomainError("RateLimited", "Too many failed sign-in attempts.", { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
  }
}

/**
 * Checks credentials. Unknown emails and wrong passwords fail the same way and take the same
 * time; failures are recorded (hashed keys only) and count toward the limits above.
 */
export async function signIn(deps: SignInDeps, input: unknown, clientAddress: string): Promise<PublicUser> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("InvalidInput", "Invalid sign-in details.", { fields: fieldErrors(parsed.error) });
  const { email, password } = parsed.data;
  const emailKey = sha256Hex(email);
  const clientKey = sha256Hex(clientAddress);
  await assertNotRateLimited(deps, emailKey, clientKey);

  const user = await deps.db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) {
    await deps.db.signInFailure.create({ data: { emailKey, clientKey, createdAt: deps.clock.now() } });
    throw new DomainError("InvalidCredentials", "Email or password is incorrect.");
  }
  await deps.db.signInFailure.deleteMany({ where: { emailKey } });
  return toPublicUser(user);
}

/** Deletes failure records older than the window; run opportunistically. */
export async function pruneSignInFailures(deps: SignInDeps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - SIGN_IN_WINDOW_MS);
  const { count } = await deps.db.signInFailure.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
