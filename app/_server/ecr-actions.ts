"use server";
// Server actions of the ECR console. Each one calls the same lib/ecr operation the JSON API and
// the CLI call, as the signed-in learner (the account's root principal), and turns ECR errors
// into a message for the form. Next.js checks every action's Origin, so these are CSRF-safe.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { isDomainError } from "@/lib/core/errors";
import { createAccessKey, deleteAccessKey, rotateAccessKeys } from "@/lib/auth/access-keys";
import { ecrContext, type EcrContext } from "@/lib/ecr/context";
import { isEcrError } from "@/lib/ecr/errors";
import { checkAccess } from "@/lib/ecr/authorize";
import { advanceAccountClock, resetAccountClock } from "@/lib/ecr/account-clock";
import { enforceLifecyclePolicies } from "@/lib/ecr/lifecycle-runner";
import { attachManagedPolicy, createIamUser, deleteIamUser, detachUserPolicy, findIamUser, putUserPolicy } from "@/lib/ecr/iam-users";
import { putImageScanningConfiguration, putImageTagMutability } from "@/lib/ecr/operations/repositories";
import { deleteLifecyclePolicy, getLifecyclePolicyPreview, putLifecyclePolicy, startLifecyclePolicyPreview } from "@/lib/ecr/operations/lifecycle";
import { deleteRepositoryPolicy, setRepositoryPolicy } from "@/lib/ecr/operations/repository-policy";
import { startImageScan } from "@/lib/ecr/operations/scanning";
import { LocaleSchema, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { currentUser } from "./session";

export type PreviewRow = { imageDigest: string; imageTags: string[]; imagePushedAt: string; action: string; appliedRulePriority: number };
export type ConsoleState = {
  ok?: string;
  error?: string;
  values?: Record<string, string>;
  preview?: { rows: PreviewRow[]; expiring: number };
  simulation?: { decision: string; decidedBy?: string; matched: string[] };
};

function localeOf(form: FormData): Locale {
  const parsed = LocaleSchema.safeParse(form.get("locale"));
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Runs `work` as the signed-in learner; ECR and domain errors become the form's message. */
async function asLearner(form: FormData, work: (ctx: EcrContext, locale: Locale) => Promise<ConsoleState>, keep: string[] = []): Promise<ConsoleState> {
  const locale = localeOf(form);
  const t = translator(locale);
  const values = Object.fromEntries(keep.map((k) => [k, field(form, k)]));
  const user = await currentUser();
  if (!user) return { error: t("error.unauthenticated"), values };
  try {
    const ctx = await ecrContext(getDeps(), { accountId: user.accountId });
    const result = await work(ctx, locale);
    revalidatePath(`/${locale}/registry`, "layout");
    return result;
  } catch (error) {
    if (isEcrError(error)) return { error: `${error.type}: ${error.message}`, values };
    if (isDomainError(error)) return { error: error.message, values };
    console.error("ecr console: unexpected error", error);
    return { error: t("error.unexpected"), values };
  }
}

export async function createAccessKeyAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(form, async (ctx, locale) => {
    const iamUser = field(form, "iamUser");
    const owner = iamUser ? (await findIamUser(ctx.deps, ctx.accountId, iamUser)).id : null;
    if (form.get("rotate") === "true") await rotateAccessKeys(ctx.deps, ctx.accountId, owner);
    else await createAccessKey(ctx.deps, ctx.accountId, owner);
    return { ok: translator(locale)("console.keyCreated") };
  });
}

export async function deleteAccessKeyAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(form, async (ctx, locale) => {
    await deleteAccessKey(ctx.deps, ctx.accountId, field(form, "accessKeyId"));
    return { ok: translator(locale)("console.keyDeleted") };
  });
}

const DaysSchema = z.coerce.number().int().min(1).max(3650);

export async function advanceClockAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx, locale) => {
      const t = translator(locale);
      if (form.get("reset") === "true") {
        await resetAccountClock(ctx.baseDeps, ctx.accountId);
        return { ok: t("console.clockReset") };
      }
      const days = DaysSchema.safeParse(form.get("days"));
      if (!days.success) return { error: t("console.daysInvalid"), values: { days: field(form, "days") } };
      await advanceAccountClock(ctx.baseDeps, ctx.accountId, days.data);
      const { expired } = await enforceLifecyclePolicies(ctx.baseDeps, ctx.accountId);
      return { ok: t("console.clockAdvanced", { days: days.data, expired }) };
    },
    ["days"],
  );
}

export async function saveRepositorySettingsAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx, locale) => {
      const repositoryName = field(form, "repositoryName");
      const filters = field(form, "exclusions")
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((filter) => ({ filterType: "WILDCARD", filter }));
      const mutability = field(form, "imageTagMutability");
      // Filters go only with the *_WITH_EXCLUSION values, and only when some were typed: the operation
      // then explains what is missing in ECR's words.
      await putImageTagMutability(ctx, { repositoryName, imageTagMutability: mutability, ...(mutability.endsWith("_WITH_EXCLUSION") && filters.length ? { imageTagMutabilityExclusionFilters: filters } : {}) });
      await putImageScanningConfiguration(ctx, { repositoryName, imageScanningConfiguration: { scanOnPush: form.get("scanOnPush") === "on" } });
      return { ok: translator(locale)("console.saved") };
    },
    ["imageTagMutability", "exclusions"],
  );
}

export async function saveLifecyclePolicyAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx, locale) => {
      const repositoryName = field(form, "repositoryName");
      const text = field(form, "policy");
      const t = translator(locale);
      if (form.get("intent") === "delete") {
        await deleteLifecyclePolicy(ctx, { repositoryName });
        return { ok: t("console.policyDeleted"), values: { policy: "" } };
      }
      if (form.get("intent") === "preview") {
        await startLifecyclePolicyPreview(ctx, { repositoryName, lifecyclePolicyText: text });
        const preview = await getLifecyclePolicyPreview(ctx, { repositoryName, maxResults: 100 });
        const rows = preview.previewResults.map((r) => ({ imageDigest: r.imageDigest, imageTags: r.imageTags, imagePushedAt: r.imagePushedAt.toISOString(), action: r.action.type, appliedRulePriority: r.appliedRulePriority }));
        return { preview: { rows, expiring: preview.summary.expiringImageTotalCount }, values: { policy: text } };
      }
      await putLifecyclePolicy(ctx, { repositoryName, lifecyclePolicyText: text });
      return { ok: t("console.saved"), values: { policy: text } };
    },
    ["policy"],
  );
}

export async function saveRepositoryPolicyAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx, locale) => {
      const repositoryName = field(form, "repositoryName");
      if (form.get("intent") === "delete") {
        await deleteRepositoryPolicy(ctx, { repositoryName });
        return { ok: translator(locale)("console.policyDeleted"), values: { policy: "" } };
      }
      await setRepositoryPolicy(ctx, { repositoryName, policyText: field(form, "policy") });
      return { ok: translator(locale)("console.saved"), values: { policy: field(form, "policy") } };
    },
    ["policy"],
  );
}

export async function simulateAccessAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx) => {
      const userName = field(form, "iamUser");
      const iamUser = userName ? await findIamUser(ctx.deps, ctx.accountId, userName) : null;
      const asUser = await ecrContext(ctx.baseDeps, { accountId: ctx.accountId, iamUserId: iamUser?.id ?? null });
      const action = field(form, "action");
      const repositoryName = field(form, "repositoryName") || null;
      const decision = await checkAccess(asUser, action, repositoryName);
      const ref = (s: { source: string; name: string; statementIndex: number; sid?: string }) => `${s.name} · Statement[${s.statementIndex}]${s.sid ? ` (${s.sid})` : ""}`;
      return {
        simulation: { decision: decision.decision, ...(decision.decidedBy ? { decidedBy: ref(decision.decidedBy) } : {}), matched: decision.matched.map((m) => `${m.effect}: ${ref(m)}`) },
        values: { iamUser: userName, action, repositoryName: repositoryName ?? "" },
      };
    },
    ["iamUser", "action", "repositoryName"],
  );
}

export async function createIamUserAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx, locale) => {
      const name = field(form, "name").trim();
      await createIamUser(ctx.deps, ctx.accountId, name);
      const managed = field(form, "managedPolicy");
      if (managed) await attachManagedPolicy(ctx.deps, ctx.accountId, name, managed);
      return { ok: translator(locale)("console.userCreated", { name }) };
    },
    ["name"],
  );
}

export async function updateIamUserAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(
    form,
    async (ctx, locale) => {
      const t = translator(locale);
      const userName = field(form, "iamUser");
      switch (field(form, "intent")) {
        case "attach":
          await attachManagedPolicy(ctx.deps, ctx.accountId, userName, field(form, "managedPolicy"));
          return { ok: t("console.saved") };
        case "inline":
          await putUserPolicy(ctx.deps, ctx.accountId, userName, field(form, "policyName"), field(form, "document"));
          return { ok: t("console.saved") };
        case "detach":
          await detachUserPolicy(ctx.deps, ctx.accountId, userName, field(form, "policyName"));
          return { ok: t("console.saved") };
        case "delete":
          await deleteIamUser(ctx.deps, ctx.accountId, userName);
          return { ok: t("console.userDeleted", { name: userName }) };
        default:
          return { error: t("error.unexpected") };
      }
    },
    ["policyName", "document"],
  );
}

export async function startImageScanAction(_prev: ConsoleState, form: FormData): Promise<ConsoleState> {
  return asLearner(form, async (ctx, locale) => {
    await startImageScan(ctx, { repositoryName: field(form, "repositoryName"), imageId: { imageDigest: field(form, "digest") } });
    return { ok: translator(locale)("scan.started") };
  });
}
