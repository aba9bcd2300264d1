// ECR sandbox commands of the admin CLI: access keys for the aws CLI, and the simulated clock.
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { isDomainError } from "@/lib/core/errors";
import { createAccessKey } from "@/lib/auth/access-keys";
import { advanceAccountClock, MAX_ADVANCE_DAYS } from "@/lib/ecr/account-clock";
import { enforceLifecyclePolicies } from "@/lib/ecr/lifecycle-runner";
import { fail, options, userOrFail, type Command } from "./cli-helpers";

const credentialsCreate: Command = {
  usage: "credentials:create --email E",
  description: "Creates an access key for the user's sandbox account; prints it in the shape of `aws iam create-access-key`.",
  async run(args) {
    const opts = options(args, ["email"], z.object({ email: z.string({ error: "is required" }) }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${credentialsCreate.usage}`);
    const user = await userOrFail(opts.email);
    if (typeof user === "string") return fail(user);
    try {
      const key = await createAccessKey(getDeps(), user.accountId);
      const out = { AccessKey: { UserName: user.email ?? "root", AccessKeyId: key.accessKeyId, Status: key.status, SecretAccessKey: key.secretAccessKey, CreateDate: key.createdAt.toISOString() } };
      process.stdout.write(`${JSON.stringify(out, null, 4)}\n`);
      return 0;
    } catch (error) {
      if (isDomainError(error, "Conflict")) return fail(error.message);
      throw error;
    }
  },
};

const clockAdvance: Command = {
  usage: "clock:advance --email E --days N",
  description: `Moves the user's sandbox clock forward N days (1-${MAX_ADVANCE_DAYS}) and applies lifecycle policies at the new time.`,
  async run(args) {
    const opts = options(args, ["email", "days"], z.object({ email: z.string({ error: "is required" }), days: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1).max(MAX_ADVANCE_DAYS) }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${clockAdvance.usage}`);
    const user = await userOrFail(opts.email);
    if (typeof user === "string") return fail(user);
    const deps = getDeps();
    const clock = await advanceAccountClock(deps, user.accountId, opts.days);
    const lifecycle = await enforceLifecyclePolicies(deps, user.accountId);
    process.stdout.write(`${JSON.stringify({ accountId: user.accountId, now: clock.now.toISOString(), offsetDays: clock.offsetDays, lifecycle }, null, 2)}\n`);
    return 0;
  },
};

export const ecrCommands: Record<string, Command> = {
  "credentials:create": credentialsCreate,
  "clock:advance": clockAdvance,
};
