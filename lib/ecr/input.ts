// Request shapes shared by the operations (ecr-spec §4.4, §4.5), and the one translation of a
// zod failure into ECR's InvalidParameterException wording.
import { z } from "zod";
import { REPOSITORY_NAME_PATTERN } from "../registry/names";
import { EcrError, invalidParameter } from "./errors";

export const RegistryIdSchema = z.string().regex(/^[0-9]{12}$/, "must satisfy regular expression '[0-9]{12}'");
export const RepositoryNameSchema = z
  .string()
  .min(2, "Member must have length greater than or equal to 2")
  .max(256, "Member must have length less than or equal to 256")
  .regex(REPOSITORY_NAME_PATTERN, `must satisfy regular expression '${REPOSITORY_NAME_PATTERN.source.replace(/^\^|\$$/g, "")}' (lower-case letters and digits, separated by . _ or -; / between namespaces)`);
export const ImageTagSchema = z.string().min(1).max(300);
export const ImageDigestSchema = z.string().max(1000);
export const ImageIdSchema = z.strictObject({ imageDigest: ImageDigestSchema.optional(), imageTag: ImageTagSchema.optional() });
export type ImageId = z.infer<typeof ImageIdSchema>;
export const MaxResultsSchema = (max: number) => z.number().int().min(1, "Member must have value greater than or equal to 1").max(max, `Member must have value less than or equal to ${max}`);
export const NextTokenSchema = z.string().min(1).max(2048);
export const TagSchema = z.strictObject({ Key: z.string(), Value: z.string() });

/** Parses an operation's input; the first problem becomes InvalidParameterException. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const member = issue.path.length ? issue.path.map(String).join(".") : "request";
  if (issue.code === "invalid_type" && issue.input === undefined) return throwError(invalidParameter(member, "Member must not be null"));
  if (issue.code === "unrecognized_keys") return throwError(invalidParameter(member, `Unknown member(s): ${issue.keys.join(", ")}`));
  return throwError(invalidParameter(member, awsWording(issue)));
}

/** zod's default size messages, in the wording AWS services use for their constraints. */
function awsWording(issue: z.core.$ZodIssue): string {
  if ((issue.code === "too_small" || issue.code === "too_big") && /^Too (small|big)/.test(issue.message)) {
    const what = issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint" ? "value" : "length";
    const bound = issue.code === "too_small" ? `greater than or equal to ${String(issue.minimum)}` : `less than or equal to ${String(issue.maximum)}`;
    return `Member must have ${what} ${bound}`;
  }
  return issue.message;
}

function throwError(error: EcrError): never {
  throw error;
}

/** nextToken is an opaque cursor: base64url of the offset into a stable ordering. */
export function encodeNextToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

export function decodeNextToken(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const parsed = z.object({ o: z.number().int().min(0) }).parse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.o;
  } catch {
    throw invalidParameter("nextToken", "The nextToken is invalid or has expired.");
  }
}

/** Slices a page and returns the next token when more remain. */
export function page<T>(items: readonly T[], nextToken: string | undefined, maxResults: number | undefined, defaultSize = 100): { items: T[]; nextToken?: string } {
  const start = decodeNextToken(nextToken);
  const size = maxResults ?? defaultSize;
  const slice = items.slice(start, start + size);
  return start + size < items.length ? { items: slice, nextToken: encodeNextToken(start + size) } : { items: slice };
}

/** A page fetched from the database with take = size + 1: the extra row only says "there is more". */
export function pageOfRows<T>(rows: T[], start: number, size: number): { items: T[]; nextToken?: string } {
  return rows.length > size ? { items: rows.slice(0, size), nextToken: encodeNextToken(start + size) } : { items: rows };
}
