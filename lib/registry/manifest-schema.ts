// Manifest formats the registry accepts, validated with zod: Docker image manifest v2 schema 2,
// Docker manifest list, OCI image manifest (including artifacts), OCI image index.
import { z } from "zod";
import { parseDigest } from "./digest";

export const MEDIA_TYPES = {
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
} as const;
export const MANIFEST_MEDIA_TYPES: readonly string[] = Object.values(MEDIA_TYPES);
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const DigestString = z.string().refine((d) => parseDigest(d) !== null, "not a valid sha256/sha512 digest");
const Annotations = z.record(z.string(), z.string()).optional();

export const DescriptorSchema = z.object({
  mediaType: z.string().min(1).max(255),
  digest: DigestString,
  size: z.number().int().nonnegative(),
  urls: z.array(z.string()).optional(),
  annotations: Annotations,
  artifactType: z.string().optional(),
  platform: z.object({ architecture: z.string(), os: z.string() }).passthrough().optional(),
});
export type Descriptor = z.infer<typeof DescriptorSchema>;

export const ImageManifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: DescriptorSchema,
  layers: z.array(DescriptorSchema),
  subject: DescriptorSchema.optional(),
  annotations: Annotations,
});

export const IndexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  manifests: z.array(DescriptorSchema),
  subject: DescriptorSchema.optional(),
  annotations: Annotations,
});

export type ParsedManifest =
  | { kind: "image"; mediaType: string; artifactType: string | null; config: Descriptor; layers: Descriptor[]; subject: Descriptor | null; annotations: Record<string, string> | null }
  | { kind: "index"; mediaType: string; artifactType: string | null; manifests: Descriptor[]; subject: Descriptor | null; annotations: Record<string, string> | null };

/** Layers that registries are not expected to hold (Windows foreign layers with external URLs). */
export function isNonDistributable(d: Descriptor): boolean {
  return /foreign|nondistributable/.test(d.mediaType) && (d.urls?.length ?? 0) > 0;
}

/**
 * Parses manifest bytes. The media type comes from the body's mediaType field or, when absent,
 * the request's Content-Type; when both are given they must agree. Returns a problem string
 * instead of throwing, so callers map it to MANIFEST_INVALID with that message.
 */
export function parseManifest(bytes: Buffer, contentType: string | null): ParsedManifest | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return { problem: "The manifest is not valid JSON." };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { problem: "The manifest must be a JSON object." };
  const declared = (json as { mediaType?: unknown }).mediaType;
  const header = contentType?.split(";")[0]?.trim() || null;
  if (declared !== undefined && typeof declared !== "string") return { problem: "mediaType must be a string." };
  if (declared && header && declared !== header && header !== "application/json") {
    return { problem: `The manifest's mediaType (${declared}) does not match the Content-Type header (${header}).` };
  }
  const mediaType = declared || header;
  if (!mediaType || !MANIFEST_MEDIA_TYPES.includes(mediaType)) {
    return { problem: `Unsupported manifest media type "${mediaType ?? "(none)"}": use one of ${MANIFEST_MEDIA_TYPES.join(", ")}.` };
  }
  const isIndex = mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
  const parsed = (isIndex ? IndexSchema : ImageManifestSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `Invalid ${mediaType}: ${issue?.path.join(".") || "manifest"}: ${issue?.message ?? "invalid"}.` };
  }
  const common = { mediaType, artifactType: parsed.data.artifactType ?? null, subject: parsed.data.subject ?? null, annotations: parsed.data.annotations ?? null };
  if ("manifests" in parsed.data) return { kind: "index", ...common, manifests: parsed.data.manifests };
  return { kind: "image", ...common, config: parsed.data.config, layers: parsed.data.layers };
}
