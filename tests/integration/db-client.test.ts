// lib/db/client.ts reuses prepared statements under the Prisma adapter: the same SQL with other
// arguments must return the other rows, and a failed statement must not spoil its next use.
import { afterAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps();
const { db } = env.deps;
afterAll(() => env.cleanup());

describe("database client", () => {
  it("runs one cached statement with different arguments, reads and writes alike", async () => {
    for (let i = 0; i < 5; i++) await db.user.create({ data: { id: `u${i}`, email: `u${i}@example.com`, accountId: String(200000000000 + i) } });
    for (const i of [3, 0, 4, 0, 2]) expect((await db.user.findUnique({ where: { id: `u${i}` } }))?.email).toBe(`u${i}@example.com`);
    expect(await db.user.findUnique({ where: { id: "missing" } })).toBeNull();
  });

  it("keeps a statement usable after it failed", async () => {
    await expect(db.user.create({ data: { id: "dup", email: "u1@example.com", accountId: "300000000000" } })).rejects.toMatchObject({ code: "P2002" });
    const created = await db.user.create({ data: { id: "ok", email: "ok@example.com", accountId: "300000000001" } });
    expect(created.email).toBe("ok@example.com");
  });

  it("rolls back a failed interactive transaction and commits the next", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: "ok" }, data: { displayName: "changed" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await db.user.findUnique({ where: { id: "ok" } }))?.displayName).toBeNull();
    await db.$transaction((tx) => tx.user.update({ where: { id: "ok" }, data: { displayName: "kept" } }));
    expect((await db.user.findUnique({ where: { id: "ok" } }))?.displayName).toBe("kept");
  });
});
