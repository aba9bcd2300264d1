// Who is calling, in which sandbox account, and what "now" is there. Every ECR operation takes
// one of these; each face (JSON API, console, CLI, OCI) builds it once per request.
import type { Deps } from "../core/deps";
import { offsetClock } from "./account-clock";
import { iamUserArn, rootArn } from "./arns";

export type Principal = {
  /** arn:aws:iam::<account>:root for the learner, arn:aws:iam::<account>:user/<name> for IAM users. */
  arn: string;
  accountId: string;
  /** null for the account's root principal (the learner). */
  iamUserId: string | null;
  userName: string | null;
};

export type EcrContext = {
  /** Dependencies whose clock is the account's simulated clock. */
  deps: Deps;
  /** The same with the real clock, for work that computes account time itself (tokens). */
  baseDeps: Deps;
  accountId: string;
  region: string;
  principal: Principal;
  /** For aws:SourceIp conditions. */
  sourceIp?: string;
  /** The sandbox's own origin (e.g. http://localhost:3000), for URLs the API hands out. */
  origin?: string;
};

export type CallerRef = { accountId: string; iamUserId?: string | null; sourceIp?: string; origin?: string };

export async function ecrContext(deps: Deps, caller: CallerRef): Promise<EcrContext> {
  const account = await deps.db.user.findUnique({ where: { accountId: caller.accountId }, select: { region: true, clockOffsetSeconds: true } });
  if (!account) throw new Error(`No sandbox account ${caller.accountId}`);
  let principal: Principal = { arn: rootArn(caller.accountId), accountId: caller.accountId, iamUserId: null, userName: null };
  if (caller.iamUserId) {
    const user = await deps.db.iamUser.findFirst({ where: { id: caller.iamUserId, accountId: caller.accountId }, select: { id: true, name: true } });
    if (!user) throw new Error(`No IAM user ${caller.iamUserId} in ${caller.accountId}`);
    principal = { arn: iamUserArn(caller.accountId, user.name), accountId: caller.accountId, iamUserId: user.id, userName: user.name };
  }
  const clock = offsetClock(deps.clock, account.clockOffsetSeconds);
  return { deps: { ...deps, clock }, baseDeps: deps, accountId: caller.accountId, region: account.region, principal, ...(caller.sourceIp ? { sourceIp: caller.sourceIp } : {}), ...(caller.origin ? { origin: caller.origin } : {}) };
}
