// GetAuthorizationToken, DescribeRegistry, Get/PutRegistryScanningConfiguration (ecr-spec §2.2, §4.2).
import { z } from "zod";
import { issueRegistryToken } from "../../auth/registry-tokens";
import { authorize } from "../authorize";
import type { EcrContext } from "../context";
import { invalidParameter } from "../errors";
import { parseInput, RegistryIdSchema } from "../input";

export async function getAuthorizationToken(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ registryIds: z.array(RegistryIdSchema).min(1).max(10).optional() }), input);
  await authorize(ctx, "ecr:GetAuthorizationToken", null);
  const owner = await ctx.deps.db.user.findUniqueOrThrow({ where: { accountId: ctx.accountId }, select: { id: true } });
  const token = await issueRegistryToken(ctx.baseDeps, owner.id, ctx.principal.iamUserId);
  // [A] proxyEndpoint is where `docker login` must go: the sandbox's own origin, not *.amazonaws.com.
  const entry = { authorizationToken: token.authorizationToken, expiresAt: token.expiresAt, proxyEndpoint: ctx.origin ?? `https://${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com` };
  // The deprecated registryIds does not change the token's scope; one entry per id is returned.
  return { authorizationData: (req.registryIds ?? [ctx.accountId]).map(() => entry) };
}

export async function describeRegistry(ctx: EcrContext, input: unknown) {
  parseInput(z.strictObject({}), input);
  await authorize(ctx, "ecr:DescribeRegistry", null);
  return { registryId: ctx.accountId, replicationConfiguration: { rules: [] } };
}

const FilterSchema = z.strictObject({
  filter: z.string().min(1).max(255).regex(/^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*$/, "must satisfy regular expression '^[a-z0-9*](?:[._\\-/a-z0-9*]?[a-z0-9*]+)*$'"),
  filterType: z.literal("WILDCARD"),
});
const RuleSchema = z.strictObject({ scanFrequency: z.enum(["SCAN_ON_PUSH", "CONTINUOUS_SCAN", "MANUAL"]), repositoryFilters: z.array(FilterSchema).max(100) });
const ScanningConfigurationSchema = z.strictObject({ scanType: z.enum(["BASIC", "ENHANCED"]).default("BASIC"), rules: z.array(RuleSchema).max(2).default([]) });
export type RegistryScanningConfiguration = z.infer<typeof ScanningConfigurationSchema>;

export async function readRegistryScanningConfiguration(ctx: EcrContext): Promise<RegistryScanningConfiguration> {
  const row = await ctx.deps.db.registrySettings.findUnique({ where: { accountId: ctx.accountId }, select: { scanningConfiguration: true } });
  const parsed = ScanningConfigurationSchema.safeParse(row?.scanningConfiguration ? JSON.parse(row.scanningConfiguration) : {});
  return parsed.success ? parsed.data : { scanType: "BASIC", rules: [] };
}

export async function getRegistryScanningConfiguration(ctx: EcrContext, input: unknown) {
  parseInput(z.strictObject({}), input);
  await authorize(ctx, "ecr:GetRegistryScanningConfiguration", null);
  return { registryId: ctx.accountId, scanningConfiguration: await readRegistryScanningConfiguration(ctx) };
}

/** Stores the configuration; scans themselves arrive with the scanning engine. BASIC allows SCAN_ON_PUSH rules only. */
export async function putRegistryScanningConfiguration(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ scanType: z.enum(["BASIC", "ENHANCED"]).optional(), rules: z.array(RuleSchema).max(2).optional() }), input);
  await authorize(ctx, "ecr:PutRegistryScanningConfiguration", null);
  const config: RegistryScanningConfiguration = { scanType: req.scanType ?? "BASIC", rules: req.rules ?? [] };
  if (config.scanType === "BASIC" && config.rules.some((r) => r.scanFrequency === "CONTINUOUS_SCAN")) {
    throw invalidParameter("rules", "CONTINUOUS_SCAN is only supported with scanType ENHANCED");
  }
  const text = JSON.stringify(config);
  await ctx.deps.db.registrySettings.upsert({ where: { accountId: ctx.accountId }, create: { accountId: ctx.accountId, scanningConfiguration: text }, update: { scanningConfiguration: text } });
  return { registryScanningConfiguration: config };
}
