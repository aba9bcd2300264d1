// The subset of the OSV schema the scanner reads, validated with zod. Unknown fields are
// allowed (OSV records carry more), but the fields we use must have the right shape: a range
// event has exactly one of introduced / fixed / last_affected.
// @see https://ossf.github.io/osv-schema/
import { z } from "zod";

const Free = z.record(z.string(), z.unknown());

export const OsvSeveritySchema = z.object({ type: z.string().min(1), score: z.string().min(1) });

export const OsvEventSchema = z
  .object({ introduced: z.string().min(1).optional(), fixed: z.string().min(1).optional(), last_affected: z.string().min(1).optional() })
  .refine((e) => [e.introduced, e.fixed, e.last_affected].filter((v) => v !== undefined).length === 1, {
    message: "an event must have exactly one of introduced, fixed, last_affected",
  });

export const OsvRangeSchema = z.object({
  type: z.enum(["ECOSYSTEM", "SEMVER", "GIT"]),
  repo: z.string().optional(),
  events: z.array(OsvEventSchema).min(1),
  database_specific: Free.optional(),
});

export const OsvAffectedSchema = z
  .object({
    package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }),
    severity: z.array(OsvSeveritySchema).optional(),
    ranges: z.array(OsvRangeSchema).optional(),
    versions: z.array(z.string().min(1)).optional(),
    ecosystem_specific: Free.optional(),
    database_specific: Free.optional(),
  })
  .refine((a) => (a.ranges?.length ?? 0) > 0 || (a.versions?.length ?? 0) > 0, { message: "an affected entry needs ranges or versions" });

export const OsvRecordSchema = z.object({
  schema_version: z.string().optional(),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "an OSV id such as CVE-2022-0778 or ALPINE-CVE-2022-0778"),
  modified: z.string().min(1),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  upstream: z.array(z.string().min(1)).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(OsvSeveritySchema).optional(),
  affected: z.array(OsvAffectedSchema).min(1),
  references: z.array(z.object({ type: z.string().min(1), url: z.string().url() })).optional(),
  database_specific: Free.optional(),
});

export type OsvSeverity = z.infer<typeof OsvSeveritySchema>;
export type OsvEvent = z.infer<typeof OsvEventSchema>;
export type OsvRange = z.infer<typeof OsvRangeSchema>;
export type OsvAffected = z.infer<typeof OsvAffectedSchema>;
export type OsvRecord = z.infer<typeof OsvRecordSchema>;
