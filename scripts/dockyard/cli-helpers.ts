// Shared pieces of the admin CLI: the command shape, strict flag parsing, and user lookup.
import { parseArgs } from "node:util";
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { findUserByEmail, type PublicUser } from "@/lib/auth/users";

export type Command = { usage: string; description: string; run(args: string[]): Promise<number> };

export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

/** Parses --flags strictly and validates them; unknown flags and bad values are usage errors. */
export function options<T extends z.ZodType>(args: string[], names: string[], schema: T): z.infer<T> | string {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args, options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])), strict: true, allowPositionals: false }).values;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) return parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n");
  return parsed.data;
}

export async function userOrFail(email: string): Promise<PublicUser | string> {
  const user = await findUserByEmail(getDeps(), email);
  return user ?? `No user with email ${email} (see: npm run dockyard -- user:list).`;
}

