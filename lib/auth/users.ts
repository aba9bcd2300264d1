// Users: full accounts, guests, upgrades, and the sandbox identity every user gets.
import type { Deps } from "../core/deps";
import { DomainError } from "../core/errors";
import type { User } from "../db/generated/client";
import { hashPassword } from "./password";
import { CreateUserSchema, SignUpSchema, fieldErrors, type CreateUserInput, type Role } from "./schemas";
import type { Locale } from "../i18n/locales";

export type PublicUser = {
  id: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  isGuest: boolean;
  locale: Locale;
  accountId: string;
  region: string;
  createdAt: Date;
};

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role === "instructor" ? "instructor" : "learner",
    isGuest: user.isGuest,
    locale: user.locale === "en" ? "en" : "ja",
    accountId: user.accountId,
    region: user.region,
    createdAt: user.createdAt,
  };
}

type DepsLike = Pick<Deps, "db" | "ids" | "clock">;

function isUniqueViolation(error: unknown, field: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; meta?: { target?: unknown }; message?: unknown };
  if (e.code !== "P2002") return false;
  const target = JSON.stringify(e.meta ?? {}) + String(e.message ?? "");
  return target.includes(field);
}

/** Creates a row with a fresh 12-digit sandbox account id (retrying on the rare collision). */
type NewUser = { email?: string; passwordHash?: string; displayName?: string | null; role: Role; isGuest: boolean; locale: Locale };

async function insertUser(deps: DepsLike, data: NewUser): Promise<User> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.user.create({ data: { ...data, id: deps.ids.id(), accountId: deps.ids.accountId() } });
    } catch (error) {
      if (isUniqueViolation(error, "email")) throw new DomainError("EmailTaken", "An account with this email already exists.", { fields: { email: "email.taken" } });
      if (isUniqueViolation(error, "accountId") && attempt < 5) continue;
      throw error;
    }
  }
}

/** Creates a full account (sign-up, or the admin CLI with a role). */
export async function createUser(deps: DepsLike, input: CreateUserInput, locale: Locale = "ja"): Promise<PublicUser> {
  const parsed = CreateUserSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("InvalidInput", "Invalid user details.", { fields: fieldErrors(parsed.error) });
  const { email, password, displayName, role } = parsed.data;
  const user = await insertUser(deps, {
    email,
    passwordHash: await hashPassword(password),
    displayName: displayName || null,
    role,
    isGuest: false,
    locale,
  });
  return toPublicUser(user);
}

/** A learner without credentials, created in one click; can be upgraded later. */
export async function createGuest(deps: DepsLike, locale: Locale): Promise<PublicUser> {
  const user = await insertUser(deps, { role: "learner", isGuest: true, locale });
  return toPublicUser(user);
}

/** Turns a guest into a full account in place, so all progress stays attached to the same id. */
export async function upgradeGuest(deps: DepsLike, userId: string, input: unknown): Promise<PublicUser> {
  const parsed = SignUpSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("InvalidInput", "Invalid account details.", { fields: fieldErrors(parsed.error) });
  const existing = await deps.db.user.findUnique({ where: { id: userId } });
  if (!existing) throw new DomainError("NotFound", "User not found.");
  if (!existing.isGuest) throw new DomainError("Conflict", "This account already has credentials.");
  const { email, password, displayName } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const user = await deps.db.user.update({
      where: { id: userId },
      data: { email, passwordHash, displayName: displayName || existing.displayName, isGuest: false },
    });
    return toPublicUser(user);
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new DomainError("EmailTaken", "An account with this email already exists.", { fields: { email: "email.taken" } });
    throw error;
  }
}

export async function findUserById(deps: Pick<Deps, "db">, userId: string): Promise<PublicUser | null> {
  const user = await deps.db.user.findUnique({ where: { id: userId } });
  return user ? toPublicUser(user) : null;
}

export async function findUserByEmail(deps: Pick<Deps, "db">, email: string): Promise<PublicUser | null> {
  const user = await deps.db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  return user ? toPublicUser(user) : null;
}

export async function listUsers(deps: Pick<Deps, "db">): Promise<PublicUser[]> {
  const users = await deps.db.user.findMany({ orderBy: { createdAt: "asc" } });
  return users.map(toPublicUser);
}

export async function setUserLocale(deps: Pick<Deps, "db">, userId: string, locale: Locale): Promise<void> {
  await deps.db.user.update({ where: { id: userId }, data: { locale } });
}
