// Fisher–Yates with a cryptographic source by default (never Math.random); tests pass their own.
import { randomInt } from "node:crypto";

/** Returns an integer in [0, max). */
export type RandomInt = (max: number) => number;

export const cryptoRandomInt: RandomInt = (max) => randomInt(max);

export function shuffle<T>(items: readonly T[], random: RandomInt = cryptoRandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
