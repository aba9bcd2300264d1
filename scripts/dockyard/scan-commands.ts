// Scanning commands of the admin CLI: a scanned image's SBOM as CycloneDX JSON, and the offline
// import of a full OSV export into the advisory feed.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { ecrContext } from "@/lib/ecr/context";
import { isEcrError } from "@/lib/ecr/errors";
import { importAdvisories, INVALID_SHOWN, MATCHABLE_FAMILIES, unmatchableFilters, type ImportReport } from "@/lib/ecr/scanning/advisory-import";
import { exportImageSbom } from "@/lib/ecr/scanning/sbom-export";
import { fail, options, userOrFail, type Command } from "./cli-helpers";

const scanSbom: Command = {
  usage: "scan:sbom --email E --repository R (--tag T | --digest D) [--out FILE]",
  description: "Prints (or writes) the CycloneDX 1.6 JSON SBOM of a scanned image, from its latest completed scan.",
  async run(args) {
    const opts = options(
      args,
      ["email", "repository", "tag", "digest", "out"],
      z
        .object({ email: z.string({ error: "is required" }), repository: z.string({ error: "is required" }), tag: z.string().optional(), digest: z.string().optional(), out: z.string().min(1).optional() })
        .refine((o) => (o.tag === undefined) !== (o.digest === undefined), { message: "give exactly one of --tag and --digest", path: ["tag"] }),
    );
    if (typeof opts === "string") return fail(`${opts}\nUsage: npm run dockyard -- ${scanSbom.usage}`);
    const user = await userOrFail(opts.email);
    if (typeof user === "string") return fail(user);
    try {
      const ctx = await ecrContext(getDeps(), { accountId: user.accountId });
      const sbom = await exportImageSbom(ctx, { repositoryName: opts.repository, imageId: opts.tag !== undefined ? { imageTag: opts.tag } : { imageDigest: opts.digest } });
      if (!opts.out) {
        process.stdout.write(sbom.body);
        return 0;
      }
      await writeFile(opts.out, sbom.body);
      process.stdout.write(`Wrote ${opts.out}: ${sbom.packageCount} package(s) of ${opts.repository}@${sbom.imageDigest} (CycloneDX 1.6).\n`);
      return 0;
    } catch (error) {
      if (isEcrError(error)) return fail(`${error.type}: ${error.message}`);
      throw error;
    }
  },
};

/** A bar on a terminal; a line at every tenth of the way otherwise (logs, CI). */
function progressReporter(label: string): { update(done: number, total: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} entries | {duration_formatted}`, hideCursor: true, etaBuffer: 200 });
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let nextTenth = 1;
  return {
    update(done, total) {
      while (total > 0 && done >= (nextTenth * total) / 10 && nextTenth <= 10) {
        process.stderr.write(`${label}: ${done}/${total} entries (${nextTenth * 10}%)\n`);
        nextTenth += 1;
      }
    },
    stop: () => undefined,
  };
}

function printReport(report: ImportReport, filter: readonly string[]): void {
  const lines = [`Imported ${report.imported} record(s) from ${report.source} (${report.kind}, ${report.entries} entries) in ${(report.durationMs / 1000).toFixed(1)} s.`];
  const ecosystems = Object.keys(report.byEcosystem).sort();
  for (const e of ecosystems) lines.push(`  ${e.padEnd(20)} ${report.byEcosystem[e]}`);
  lines.push(`Skipped ${report.skipped} valid record(s) (withdrawn, or no affected ecosystem that the scanner matches${filter.length ? " and --ecosystem-filter keeps" : ""}${report.otherEntries ? `; plus ${report.otherEntries} non-JSON entries` : ""}).`);
  lines.push(`Invalid: ${report.invalid} record(s).`);
  for (const r of report.invalidRecords) lines.push(`  ${r.file}: ${r.reason}`);
  if (report.invalid > INVALID_SHOWN) lines.push(`  … and ${report.invalid - INVALID_SHOWN} more.`);
  lines.push(report.replacedFamilies.length ? `Stored families replaced: ${report.replacedFamilies.join(", ")}. Scans use them from now on.` : "Nothing was stored: the feed is unchanged.");
  process.stdout.write(`${lines.join("\n")}\n`);
}

const advisoriesImport: Command = {
  usage: "advisories:import <dir-or-zip> [--ecosystem-filter Alpine,Debian:12] [--json]",
  description: `Loads an OSV export (OSV's <Ecosystem>/all.zip or a directory of records) offline into the scan feed; keeps ${MATCHABLE_FAMILIES.join(", ")}.`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { "ecosystem-filter": { type: "string", multiple: true }, json: { type: "boolean" } }, strict: true, allowPositionals: true });
    } catch (error) {
      return fail(`${(error as Error).message}\nUsage: npm run dockyard -- ${advisoriesImport.usage}`);
    }
    if (parsed.positionals.length !== 1) return fail(`Give one zip file or directory.\nUsage: npm run dockyard -- ${advisoriesImport.usage}`);
    const filter = (parsed.values["ecosystem-filter"] ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    const unknown = unmatchableFilters(filter);
    if (unknown.length) return fail(`--ecosystem-filter: the scanner cannot match ${unknown.join(", ")}; use ${MATCHABLE_FAMILIES.join(", ")} or a release such as Alpine:v3.19, Debian:12, Ubuntu:22.04.`);
    const deps = getDeps();
    const progress = progressReporter("advisories:import");
    let report: ImportReport;
    try {
      report = await importAdvisories({ dataDir: deps.config.dataDir, clock: deps.clock }, parsed.positionals[0]!, { ecosystemFilter: filter, onProgress: (done, total) => progress.update(done, total) });
    } catch (error) {
      progress.stop();
      return fail(`advisories:import: ${(error as Error).message}`);
    }
    progress.stop();
    if (parsed.values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(report, filter);
    return 0;
  },
};

export const scanCommands: Record<string, Command> = {
  "scan:sbom": scanSbom,
  "advisories:import": advisoriesImport,
};
