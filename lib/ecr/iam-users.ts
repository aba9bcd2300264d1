// Simulated IAM users inside a learner's sandbox account ("ci-bot" may push, "reader" may only
// pull), with identity policies: AWS managed ones by name, or inline JSON documents.
import { z } from "zod";
import type { Deps } from "../core/deps";
import { DomainError } from "../core/errors";
import { MANAGED_POLICIES, parsePolicyDocument, PolicyValidationError } from "./iam";

/** IAM's user-name rule: 1-64 of letters, digits and + = , . @ _ - */
export const IamUserNameSchema = z.string().regex(/^[\w+=,.@-]{1,64}$/, "iam.userName");
export const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
export const MAX_IAM_USERS = 10;
type IamDeps = Pick<Deps, "db" | "ids" | "clock">;

export type IamUserSummary = { id: string; name: string; createdAt: Date; policies: { name: string; managed: boolean }[]; accessKeyIds: string[] };

export async function createIamUser(deps: IamDeps, accountId: string, name: string): Promise<IamUserSummary> {
  const parsed = IamUserNameSchema.safeParse(name);
  if (!parsed.success) throw new DomainError("InvalidInput", "User names are 1-64 letters, digits and + = , . @ _ -", { fields: { name: "iam.userName" } });
  if ((await deps.db.iamUser.count({ where: { accountId } })) >= MAX_IAM_USERS) throw new DomainError("Conflict", `A sandbox account can have at most ${MAX_IAM_USERS} IAM users.`);
  try {
    const row = await deps.db.iamUser.create({ data: { id: deps.ids.id(), accountId, name, createdAt: deps.clock.now() } });
    return { id: row.id, name: row.name, createdAt: row.createdAt, policies: [], accessKeyIds: [] };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DomainError("Conflict", `An IAM user named ${name} already exists in this account.`, { fields: { name: "iam.userExists" } });
    throw error;
  }
}

export async function listIamUsers(deps: Pick<Deps, "db">, accountId: string): Promise<IamUserSummary[]> {
  const rows = await deps.db.iamUser.findMany({ where: { accountId }, orderBy: { name: "asc" }, include: { policies: { select: { name: true, managed: true }, orderBy: { name: "asc" } }, accessKeys: { select: { accessKeyId: true } } } });
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, policies: r.policies, accessKeyIds: r.accessKeys.map((k) => k.accessKeyId) }));
}

export async function findIamUser(deps: Pick<Deps, "db">, accountId: string, name: string): Promise<{ id: string; name: string }> {
  const row = await deps.db.iamUser.findUnique({ where: { accountId_name: { accountId, name } }, select: { id: true, name: true } });
  if (!row) throw new DomainError("NotFound", `No IAM user named ${name} in this account.`);
  return row;
}

export async function deleteIamUser(deps: Pick<Deps, "db">, accountId: string, name: string): Promise<void> {
  const { count } = await deps.db.iamUser.deleteMany({ where: { accountId, name } });
  if (!count) throw new DomainError("NotFound", `No IAM user named ${name} in this account.`);
}

/** Attaches an AWS managed policy (AmazonEC2ContainerRegistryReadOnly, ...) by name. */
export async function attachManagedPolicy(deps: Pick<Deps, "db">, accountId: string, userName: string, policyName: string): Promise<void> {
  const managed = Object.hasOwn(MANAGED_POLICIES, policyName) ? MANAGED_POLICIES[policyName as keyof typeof MANAGED_POLICIES] : undefined;
  if (!managed) throw new DomainError("InvalidInput", `Unknown managed policy ${policyName}. Choose one of ${Object.keys(MANAGED_POLICIES).join(", ")}.`, { fields: { policy: "iam.unknownPolicy" } });
  const user = await findIamUser(deps, accountId, userName);
  const data = { document: managed.document, managed: true };
  await deps.db.iamUserPolicy.upsert({ where: { iamUserId_name: { iamUserId: user.id, name: policyName } }, create: { iamUserId: user.id, name: policyName, ...data }, update: data });
}

/** Puts an inline identity policy; the document is validated as an identity policy. */
export async function putUserPolicy(deps: Pick<Deps, "db">, accountId: string, userName: string, policyName: string, document: string): Promise<void> {
  if (!POLICY_NAME.test(policyName)) throw new DomainError("InvalidInput", "Policy names are 1-128 letters, digits and + = , . @ _ -", { fields: { policyName: "iam.policyName" } });
  try {
    parsePolicyDocument(document, "identity");
  } catch (error) {
    if (error instanceof PolicyValidationError) throw new DomainError("InvalidInput", error.detail, { fields: { document: "iam.policyInvalid" }, detail: error.detail });
    throw error;
  }
  const user = await findIamUser(deps, accountId, userName);
  await deps.db.iamUserPolicy.upsert({ where: { iamUserId_name: { iamUserId: user.id, name: policyName } }, create: { iamUserId: user.id, name: policyName, document, managed: false }, update: { document, managed: false } });
}

export async function detachUserPolicy(deps: Pick<Deps, "db">, accountId: string, userName: string, policyName: string): Promise<void> {
  const user = await findIamUser(deps, accountId, userName);
  await deps.db.iamUserPolicy.deleteMany({ where: { iamUserId: user.id, name: policyName } });
}
