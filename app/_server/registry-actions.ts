"use server";
// Server actions for the registry console. Each validates its input, checks the session, and
// calls one lib/ecr operation (the same the aws CLI reaches) as the signed-in learner.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { repositoryNameProblem } from "@/lib/registry/names";
import { ecrContext } from "@/lib/ecr/context";
import { isEcrError, type EcrExceptionName } from "@/lib/ecr/errors";
import { createRepository, deleteRepository } from "@/lib/ecr/operations/repositories";
import { batchDeleteImage } from "@/lib/ecr/operations/images";
import { LocaleSchema, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator, type MessageKey } from "@/lib/i18n/messages";
import { currentUser } from "./session";

export type RegistryFormState = { error?: string; values?: Record<string, string>; token?: { password: string; expiresAt: string } };

function localeOf(form: FormData): Locale {
  const parsed = LocaleSchema.safeParse(form.get("locale"));
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

function registryErrorMessage(error: unknown, locale: Locale): string {
  const t = translator(locale);
  if (!isEcrError(error)) {
    console.error("registry console: unexpected error", error);
    return t("error.unexpected");
  }
  const key: Partial<Record<EcrExceptionName, MessageKey>> = {
    InvalidParameterException: "error.registry.nameInvalid",
    RepositoryAlreadyExistsException: "error.registry.exists",
    RepositoryNotEmptyException: "error.registry.notEmpty",
    LimitExceededException: "error.registry.quota",
  };
  const k = key[error.type];
  // The ECR message carries the specifics (which rule, which quota); show it after the summary.
  return k ? `${t(k)} ${error.message}` : error.message;
}

export async function createRepositoryAction(_prev: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const locale = localeOf(form);
  const name = String(form.get("name") ?? "").trim();
  const user = await currentUser();
  if (!user) return { error: translator(locale)("error.unauthenticated"), values: { name } };
  const problem = repositoryNameProblem(name);
  if (problem) return { error: `${translator(locale)("error.registry.nameInvalid")} ${problem}`, values: { name } };
  try {
    await createRepository(await ecrContext(getDeps(), { accountId: user.accountId }), { repositoryName: name });
  } catch (error) {
    return { error: registryErrorMessage(error, locale), values: { name } };
  }
  revalidatePath(`/${locale}/registry`);
  return {};
}

const DeleteRepoSchema = z.object({ locale: LocaleSchema, name: z.string().min(1).max(256), force: z.enum(["true", "false"]).default("false") });

export async function deleteRepositoryAction(_prev: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const locale = localeOf(form);
  const parsed = DeleteRepoSchema.safeParse(Object.fromEntries(form));
  const user = await currentUser();
  if (!parsed.success || !user) return { error: translator(locale)("error.unexpected") };
  try {
    await deleteRepository(await ecrContext(getDeps(), { accountId: user.accountId }), { repositoryName: parsed.data.name, force: parsed.data.force === "true" });
  } catch (error) {
    return { error: registryErrorMessage(error, locale) };
  }
  revalidatePath(`/${locale}/registry`);
  redirect(`/${locale}/registry`);
}

const DeleteImageSchema = z.object({ locale: LocaleSchema, name: z.string().min(1).max(256), digest: z.string().regex(/^sha(256|512):[a-f0-9]+$/) });

export async function deleteImageAction(_prev: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const locale = localeOf(form);
  const parsed = DeleteImageSchema.safeParse(Object.fromEntries(form));
  const user = await currentUser();
  if (!parsed.success || !user) return { error: translator(locale)("error.unexpected") };
  try {
    const result = await batchDeleteImage(await ecrContext(getDeps(), { accountId: user.accountId }), { repositoryName: parsed.data.name, imageIds: [{ imageDigest: parsed.data.digest }] });
    const failure = result.failures[0];
    if (failure) return { error: `${failure.failureCode}: ${failure.failureReason}` };
  } catch (error) {
    return { error: registryErrorMessage(error, locale) };
  }
  revalidatePath(`/${locale}/registry`, "layout");
  return {};
}

export async function issueTokenAction(_prev: RegistryFormState, form: FormData): Promise<RegistryFormState> {
  const locale = localeOf(form);
  const user = await currentUser();
  if (!user) return { error: translator(locale)("error.unauthenticated") };
  const token = await issueRegistryToken(getDeps(), user.id);
  return { token: { password: token.password, expiresAt: token.expiresAt.toISOString() } };
}
