// ARN splitting for Resource matching and the Arn* condition operators.
// An ARN has six colon-separated segments; the last (resource) one may itself contain colons.

import { type GlobToken, matchTokens } from "./glob";

export type ArnParts = {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
};

export function parseArn(arn: string): ArnParts | undefined {
  const segments = splitSix(arn);
  if (segments === undefined || segments[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", account = "", resource = ""] = segments;
  return { partition, service, region, account, resource };
}

/** The account that owns a resource ARN, or undefined for "*" and non-ARNs. */
export function arnAccount(arn: string): string | undefined {
  const account = parseArn(arn)?.account;
  return account === undefined || account === "" ? undefined : account;
}

/** Loose shape check used by validation: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function looksLikeArn(text: string): boolean {
  const segments = splitSix(text);
  return segments !== undefined && segments[0] === "arn" && segments[1] !== "" && segments[2] !== "" && segments[5] !== "";
}

/**
 * Segment-wise wildcard match: each of the first five segments is matched on its own, so a
 * wildcard cannot swallow a colon there; the resource segment takes the rest. Case-sensitive.
 */
export function matchArnTokens(pattern: readonly GlobToken[], arn: string): boolean {
  const subject = splitSix(arn);
  const patternSegments = splitTokensSix(pattern);
  if (subject === undefined || patternSegments === undefined) return false;
  return patternSegments.every((segment, i) => matchTokens(segment, subject[i] ?? ""));
}

function splitSix(text: string): string[] | undefined {
  const parts = text.split(":");
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(":")];
}

function splitTokensSix(tokens: readonly GlobToken[]): GlobToken[][] | undefined {
  const segments: GlobToken[][] = [[]];
  for (const token of tokens) {
    if (segments.length < 6 && token.t === "lit" && token.c === ":") segments.push([]);
    else segments[segments.length - 1]?.push(token);
  }
  return segments.length === 6 ? segments : undefined;
}
