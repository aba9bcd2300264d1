// Accounts through lib/auth against a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "@/lib/core/errors";
import { createGuest, createUser, findUserById, upgradeGuest } from "@/lib/auth/users";
import { createSession, findSessionUser, deleteSession, SESSION_TTL_MS } from "@/lib/auth/sessions";
import { signIn, MAX_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in";
import { sha256Hex } from "@/lib/core/ids";
import { getLessonProgress, setLessonCompleted } from "@/lib/learn/progress";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps();
const { deps, clock } = env;
afterAll(() => env.cleanup());

async function expectDomainError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error) ? error.code : error).toBe(code);
  return error as { details: Record<string, unknown> };
}

describe("createUser", () => {
  it("stores an argon2id hash, never the password, and gives a 12-digit sandbox account in us-east-1", async () => {
    const user = await createUser(deps, { email: "  Alice@Example.COM ", password: "correct horse battery", role: "instructor" });
    expect(user).toMatchObject({ email: "alice@example.com", role: "instructor", isGuest: false, region: "us-east-1" });
    expect(user.accountId).toMatch(/^\d{12}$/);
    const row = await deps.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain("correct horse");
  });

  it("rejects a taken email (case-insensitive) and invalid input with field-level codes", async () => {
    const taken = await expectDomainError(createUser(deps, { email: "ALICE@example.com", password: "another password" }), "EmailTaken");
    expect(taken.details.fields).toEqual({ email: "email.taken" });
    const invalid = await expectDomainError(createUser(deps, { email: "not-an-email", password: "short" }), "InvalidInput");
    expect(invalid.details.fields).toEqual({ email: "email.invalid", password: "password.tooShort" });
  });
});

describe("signIn", () => {
  beforeAll(async () => {
    await createUser(deps, { email: "bob@example.com", password: "bobs long password" });
  });

  it("accepts the right password and rejects a wrong one or unknown email the same way", async () => {
    await expect(signIn(deps, { email: "BOB@example.com", password: "bobs long password" }, "10.0.0.1")).resolves.toMatchObject({ email: "bob@example.com" });
    await expectDomainError(signIn(deps, { email: "bob@example.com", password: "wrong password" }, "10.0.0.1"), "InvalidCredentials");
    await expectDomainError(signIn(deps, { email: "nobody@example.com", password: "whatever it is" }, "10.0.0.1"), "InvalidCredentials");
  });

  it("locks an email after repeated failures, even for the right password, until the window passes", async () => {
    await createUser(deps, { email: "frank@example.com", password: "franks long password" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await expectDomainError(signIn(deps, { email: "frank@example.com", password: `wrong ${i}` }, `10.0.1.${i}`), "InvalidCredentials");
    }
    const limited = await expectDomainError(signIn(deps, { email: "frank@example.com", password: "franks long password" }, "10.0.2.1"), "RateLimited");
    expect(limited.details.retryAfterSeconds).toBe(SIGN_IN_WINDOW_MS / 1000);
    // Other accounts are not affected by one email's lock.
    await expect(signIn(deps, { email: "bob@example.com", password: "bobs long password" }, "10.0.2.1")).resolves.toMatchObject({ email: "bob@example.com" });
    clock.advance(SIGN_IN_WINDOW_MS + 1000);
    await expect(signIn(deps, { email: "frank@example.com", password: "franks long password" }, "10.0.2.1")).resolves.toMatchObject({ email: "frank@example.com" });
  });

  it("stores failures under hashed keys only", async () => {
    await expectDomainError(signIn(deps, { email: "carol@example.com", password: "nope nope" }, "192.0.2.9"), "InvalidCredentials");
    const rows = await deps.db.signInFailure.findMany({ where: { emailKey: sha256Hex("carol@example.com") } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.clientKey).toBe(sha256Hex("192.0.2.9"));
  });
});

describe("sessions", () => {
  it("stores only the token's hash and expires after the TTL", async () => {
    const user = await createUser(deps, { email: "dave@example.com", password: "daves long password" });
    const { token } = await createSession(deps, user.id);
    expect(await deps.db.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await deps.db.session.count({ where: { tokenHash: sha256Hex(token) } })).toBe(1);
    await expect(findSessionUser(deps, token)).resolves.toMatchObject({ id: user.id });
    await expect(findSessionUser(deps, "forged-token")).resolves.toBeNull();
    clock.advance(SESSION_TTL_MS + 1);
    await expect(findSessionUser(deps, token)).resolves.toBeNull();
  });

  it("sign-out deletes the session", async () => {
    const user = await createUser(deps, { email: "erin@example.com", password: "erins long password" });
    const { token } = await createSession(deps, user.id);
    await deleteSession(deps, token);
    await expect(findSessionUser(deps, token)).resolves.toBeNull();
  });
});

describe("guests", () => {
  it("start instantly as learners and upgrade in place, keeping their progress", async () => {
    const guest = await createGuest(deps, "en");
    expect(guest).toMatchObject({ isGuest: true, email: null, role: "learner", locale: "en" });
    await setLessonCompleted(deps, guest.id, "what-is-ecr", true);
    const upgraded = await upgradeGuest(deps, guest.id, { email: "guest@example.com", password: "guest long password" });
    expect(upgraded).toMatchObject({ id: guest.id, isGuest: false, email: "guest@example.com", accountId: guest.accountId });
    expect((await getLessonProgress(deps, guest.id)).get("what-is-ecr")?.completedAt).toBeInstanceOf(Date);
    await expect(signIn(deps, { email: "guest@example.com", password: "guest long password" }, "local")).resolves.toMatchObject({ id: guest.id });
  });

  it("cannot upgrade twice or onto a taken email", async () => {
    const guest = await createGuest(deps, "ja");
    await expectDomainError(upgradeGuest(deps, guest.id, { email: "alice@example.com", password: "some long password" }), "EmailTaken");
    expect(await findUserById(deps, guest.id)).toMatchObject({ isGuest: true, email: null });
    await upgradeGuest(deps, guest.id, { email: "guest2@example.com", password: "some long password" });
    await expectDomainError(upgradeGuest(deps, guest.id, { email: "guest3@example.com", password: "some long password" }), "Conflict");
  });
});

describe("seedInstructor", () => {
  it("creates the configured instructor once and leaves an existing account alone", async () => {
    const { seedInstructor } = await import("@/lib/auth/seed-admin");
    expect(await seedInstructor(deps, null)).toEqual({ created: null, skipped: "not-configured" });
    const first = await seedInstructor(deps, { email: "Admin@Example.com", password: "admin long password" });
    expect(first.created).toMatchObject({ email: "admin@example.com", role: "instructor" });
    expect(await seedInstructor(deps, { email: "admin@example.com", password: "different password" })).toEqual({ created: null, skipped: "exists" });
    await expect(signIn(deps, { email: "admin@example.com", password: "admin long password" }, "local")).resolves.toMatchObject({ role: "instructor" });
  });
});
