// Dockyard's own API calls for scripts (not part of ECR): read and advance the account's clock.
// Reached at the same endpoint with X-Amz-Target DockyardSandbox.<Op>.
import { z } from "zod";
import { advanceAccountClock, MAX_ADVANCE_DAYS } from "../account-clock";
import type { EcrContext } from "../context";
import { EcrError, invalidParameter } from "../errors";
import { parseInput } from "../input";
import { enforceLifecyclePolicies } from "../lifecycle-runner";

export async function getClock(ctx: EcrContext, input: unknown) {
  parseInput(z.strictObject({}), input);
  const row = await ctx.deps.db.user.findUniqueOrThrow({ where: { accountId: ctx.accountId }, select: { clockOffsetSeconds: true } });
  return { now: ctx.deps.clock.now(), offsetDays: row.clockOffsetSeconds / 86400 };
}

/** Only the learner (root) moves the clock: it changes every time-based rule of the account. */
export async function advanceClock(ctx: EcrContext, input: unknown) {
  const req = parseInput(z.strictObject({ days: z.number().int("Member must be a whole number").min(1, "Member must have value greater than or equal to 1").max(MAX_ADVANCE_DAYS, `Member must have value less than or equal to ${MAX_ADVANCE_DAYS}`) }), input);
  if (ctx.principal.iamUserId) throw new EcrError("AccessDeniedException", `User: ${ctx.principal.arn} is not authorized to advance the sandbox clock; only the account's root user may.`);
  if (!Number.isInteger(req.days)) throw invalidParameter("days", "Member must be a whole number");
  const clock = await advanceAccountClock(ctx.baseDeps, ctx.accountId, req.days);
  const lifecycle = await enforceLifecyclePolicies(ctx.baseDeps, ctx.accountId);
  return { now: clock.now, offsetDays: clock.offsetDays, lifecycle };
}
