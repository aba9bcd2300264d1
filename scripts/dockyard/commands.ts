// Command table for the admin CLI (accounts and registry maintenance; ECR sandbox commands in ecr-commands.ts).
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { isDomainError } from "@/lib/core/errors";
import { createUser, listUsers } from "@/lib/auth/users";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { ecrContext } from "@/lib/ecr/context";
import { isEcrError } from "@/lib/ecr/errors";
import { createRepository } from "@/lib/ecr/operations/repositories";
import { collectGarbage } from "@/lib/registry/gc";
import { checkRegistry } from "@/lib/registry/fsck";
import { RoleSchema } from "@/lib/auth/schemas";
import { errorMessageKey, translator } from "@/lib/i18n/messages";
import { fail, options, userOrFail, type Command } from "./cli-helpers";
import { ecrCommands } from "./ecr-commands";
import { scanCommands } from "./scan-commands";
import { sandboxCommands } from "./sandbox-commands";

const t = translator("en");

const userCreate: Command = {
  usage: "user:create --email E --password P [--role learner|instructor] [--name N]",
  description: "Creates a full account and prints it as JSON.",
  async run(args) {
    const opts = options(args, ["email", "password", "role", "name"], z.object({
      email: z.string({ error: "is required" }),
      password: z.string({ error: "is required" }),
      role: RoleSchema.default("learner"),
      name: z.string().optional(),
    }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${userCreate.usage}`);
    try {
      const user = await createUser(getDeps(), { email: opts.email, password: opts.password, role: opts.role, displayName: opts.name });
      process.stdout.write(`${JSON.stringify({ id: user.id, email: user.email, role: user.role, accountId: user.accountId, region: user.region }, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (isDomainError(error, "InvalidInput")) return fail(Object.entries(error.details.fields as Record<string, string>).map(([f, code]) => `--${f === "displayName" ? "name" : f}: ${t(errorMessageKey(code))}`).join("\n"));
      if (isDomainError(error, "EmailTaken")) return fail(`An account with email ${opts.email} already exists.`);
      throw error;
    }
  },
};

const userList: Command = {
  usage: "user:list [--json]",
  description: "Lists every user (guests included).",
  async run(args) {
    const json = args.includes("--json");
    if (args.some((a) => a !== "--json")) return fail(`Usage: npm run dockyard -- ${userList.usage}`);
    const users = await listUsers(getDeps());
    if (json) {
      process.stdout.write(`${JSON.stringify(users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })), null, 2)}\n`);
      return 0;
    }
    const rows = users.map((u) => [u.email ?? "(guest)", u.role, u.isGuest ? "guest" : "account", u.accountId, u.region, u.createdAt.toISOString()]);
    const header = ["EMAIL", "ROLE", "KIND", "ACCOUNT ID", "REGION", "CREATED"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join("  ")}\n`);
    process.stdout.write(`${users.length} user(s)\n`);
    return 0;
  },
};

const registryToken: Command = {
  usage: "registry:token --email E [--json]",
  description: "Prints a registry password (valid 12 hours) for docker/skopeo login as user AWS.",
  async run(args) {
    const json = args.includes("--json");
    const opts = options(args.filter((a) => a !== "--json"), ["email"], z.object({ email: z.string({ error: "is required" }) }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${registryToken.usage}`);
    const user = await userOrFail(opts.email);
    if (typeof user === "string") return fail(user);
    const token = await issueRegistryToken(getDeps(), user.id);
    if (json) process.stdout.write(`${JSON.stringify({ authorizationToken: token.authorizationToken, expiresAt: token.expiresAt.toISOString(), userName: token.userName, password: token.password }, null, 2)}\n`);
    else process.stdout.write(`${token.password}\n`);
    return 0;
  },
};

const repoCreate: Command = {
  usage: "repo:create --email E --name N",
  description: "Creates a repository in the user's sandbox registry.",
  async run(args) {
    const opts = options(args, ["email", "name"], z.object({ email: z.string({ error: "is required" }), name: z.string({ error: "is required" }) }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${repoCreate.usage}`);
    const user = await userOrFail(opts.email);
    if (typeof user === "string") return fail(user);
    try {
      const { repository } = await createRepository(await ecrContext(getDeps(), { accountId: user.accountId }), { repositoryName: opts.name });
      process.stdout.write(`${JSON.stringify({ repositoryName: repository.repositoryName, registryId: repository.registryId, repositoryArn: repository.repositoryArn, createdAt: repository.createdAt.toISOString() }, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (isEcrError(error)) return fail(`${error.type}: ${error.message}`);
      throw error;
    }
  },
};

const registryGc: Command = {
  usage: "registry:gc [--grace-minutes M] [--dry-run]",
  description: "Deletes blobs no image uses (older than the grace period, default 60 minutes) and stale uploads.",
  async run(args) {
    const dryRun = args.includes("--dry-run");
    const opts = options(args.filter((a) => a !== "--dry-run"), ["grace-minutes"], z.object({ "grace-minutes": z.coerce.number().int().min(0).max(100_000).default(60) }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${registryGc.usage}`);
    const report = await collectGarbage(getDeps(), { graceMs: opts["grace-minutes"] * 60_000, dryRun });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  },
};

const registryFsck: Command = {
  usage: "registry:fsck [--json]",
  description: "Verifies every blob's digest and size and every manifest/tag reference; exits 1 on problems.",
  async run(args) {
    const json = args.includes("--json");
    if (args.some((a) => a !== "--json")) return fail(`Usage: npm run dockyard -- ${registryFsck.usage}`);
    const progress = (done: number, total: number) => {
      if (!json && process.stderr.isTTY) process.stderr.write(`\rfsck: ${done}/${total} blobs verified`);
    };
    const report = await checkRegistry(getDeps(), progress);
    if (!json && process.stderr.isTTY) process.stderr.write("\n");
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      process.stdout.write(`fsck: ${report.blobsChecked} blobs (${report.bytesVerified} bytes) verified, ${report.manifestsChecked} manifests, ${report.tagsChecked} tags checked.\n`);
      for (const p of report.problems) process.stdout.write(`  ${p.kind}: ${p.subject}: ${p.detail}\n`);
      process.stdout.write(report.problems.length ? `${report.problems.length} problem(s) found.\n` : "No problems found.\n");
    }
    return report.problems.length ? 1 : 0;
  },
};

export const commands: Record<string, Command> = {
  "registry:gc": registryGc,
  "registry:fsck": registryFsck,
  "user:create": userCreate,
  "user:list": userList,
  "registry:token": registryToken,
  "repo:create": repoCreate,
  ...ecrCommands,
  ...scanCommands,
  ...sandboxCommands,
};
