// Each sandbox account has its own simulated clock: real time plus an offset the learner moves
// forward ("advance time by 14 days"), so age-based lifecycle rules can be practised in a minute.
// Every time-dependent rule of the account reads this clock, never the system clock.
import type { Clock } from "../core/clock";
import type { Deps } from "../core/deps";
import { DomainError } from "../core/errors";

export const MAX_ADVANCE_DAYS = 3650;

export function offsetClock(base: Clock, offsetSeconds: number): Clock {
  return { now: () => new Date(base.now().getTime() + offsetSeconds * 1000) };
}

export async function accountClock(deps: Pick<Deps, "db" | "clock">, accountId: string): Promise<Clock> {
  const user = await deps.db.user.findUnique({ where: { accountId }, select: { clockOffsetSeconds: true } });
  return offsetClock(deps.clock, user?.clockOffsetSeconds ?? 0);
}

/** Moves the account's clock forward by whole days; returns the account's new "now". */
export async function advanceAccountClock(deps: Pick<Deps, "db" | "clock">, accountId: string, days: number): Promise<{ now: Date; offsetDays: number }> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_ADVANCE_DAYS) {
    throw new DomainError("InvalidInput", `Days must be a whole number from 1 to ${MAX_ADVANCE_DAYS}.`, { fields: { days: "clock.days" } });
  }
  const user = await deps.db.user.update({ where: { accountId }, data: { clockOffsetSeconds: { increment: days * 86400 } }, select: { clockOffsetSeconds: true } });
  return { now: offsetClock(deps.clock, user.clockOffsetSeconds).now(), offsetDays: user.clockOffsetSeconds / 86400 };
}

/** Puts the account's clock back to real time. */
export async function resetAccountClock(deps: Pick<Deps, "db">, accountId: string): Promise<void> {
  await deps.db.user.update({ where: { accountId }, data: { clockOffsetSeconds: 0 } });
}
