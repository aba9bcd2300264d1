// Sandbox commands of the admin CLI: the known-findings images that labs, the seed and the tests
// build into a learner's registry.
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { isEcrError } from "@/lib/ecr/errors";
import { buildSandboxImages, DEFAULT_REPOSITORY_PREFIX, describeExpectedScan } from "@/lib/sandbox/sandbox-images";
import { fail, options, userOrFail, type Command } from "./cli-helpers";

const sandboxImages: Command = {
  usage: "sandbox:images --email E [--prefix P] [--json]",
  description: `Builds the sandbox images (old and patched Alpine/Debian bases, scratch, a multi-platform index) into the user's registry under ${DEFAULT_REPOSITORY_PREFIX}/ (or P/); running it again changes nothing.`,
  async run(args) {
    const json = args.includes("--json");
    const opts = options(args.filter((a) => a !== "--json"), ["email", "prefix"], z.object({ email: z.string({ error: "is required" }), prefix: z.string().min(1).optional() }));
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${sandboxImages.usage}`);
    const user = await userOrFail(opts.email);
    if (typeof user === "string") return fail(user);
    let pushed;
    try {
      pushed = await buildSandboxImages(getDeps(), user, { repositoryPrefix: opts.prefix ?? DEFAULT_REPOSITORY_PREFIX });
    } catch (error) {
      if (isEcrError(error)) return fail(`${error.type}: ${error.message}`);
      if (error instanceof z.ZodError) return fail(`--prefix: ${error.issues.map((i) => i.message).join("; ")}`);
      throw error;
    }
    if (json) {
      process.stdout.write(`${JSON.stringify(pushed, null, 2)}\n`);
      return 0;
    }
    const header = ["REPOSITORY", "TAG", "DIGEST", "PLATFORMS", "EXPECTED FINDINGS"];
    const rows = pushed.map((p) => [p.repository, p.tag, p.digest, p.platforms.join(","), describeExpectedScan(p.expected)]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()}\n`);
    process.stdout.write(`${pushed.length} image(s) in the registry of ${user.email ?? user.accountId}. Scan one with: aws ecr start-image-scan --repository-name ${pushed[0]?.repository ?? ""} --image-id imageTag=${pushed[0]?.tag ?? ""}\n`);
    return 0;
  },
};

export const sandboxCommands: Record<string, Command> = {
  "sandbox:images": sandboxImages,
};
