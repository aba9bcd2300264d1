// First-run bootstrap: when DOCKYARD_ADMIN_EMAIL and DOCKYARD_ADMIN_PASSWORD are set, make sure an
// instructor account with that email exists (created once; an existing account is left as it is).
import type { Deps } from "../core/deps";
import { createUser, findUserByEmail, type PublicUser } from "./users";

export type SeedResult = { created: PublicUser | null; skipped: "not-configured" | "exists" | null };

export async function seedInstructor(deps: Pick<Deps, "db" | "ids" | "clock">, admin: { email: string; password: string } | null): Promise<SeedResult> {
  if (!admin) return { created: null, skipped: "not-configured" };
  if (await findUserByEmail(deps, admin.email)) return { created: null, skipped: "exists" };
  const created = await createUser(deps, { email: admin.email, password: admin.password, role: "instructor" });
  return { created, skipped: null };
}
