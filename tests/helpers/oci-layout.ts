// Builds small but real OCI images on disk (an OCI image layout that skopeo can copy from):
// gzip-compressed tar layers, a config, an image manifest, and optionally a multi-platform index.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";

export type Blob = { digest: string; size: number; bytes: Buffer };

function blobOf(bytes: Buffer): Blob {
  return { digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`, size: bytes.length, bytes };
}

/** A tar archive holding the given files, gzip-compressed. */
export async function tarGz(files: Record<string, Buffer | string>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on("data", (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => p.on("end", () => resolve()));
  for (const [name, content] of Object.entries(files)) p.entry({ name, mtime: new Date(0) }, content);
  p.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

export type BuiltImage = { manifest: Blob; config: Blob; layers: Blob[]; mediaType: string };

export async function buildImage(options: { layers?: number; layerBytes?: number; platform?: { os: string; architecture: string }; label?: string } = {}): Promise<BuiltImage> {
  const layers: Blob[] = [];
  for (let i = 0; i < (options.layers ?? 2); i++) {
    layers.push(blobOf(await tarGz({ [`layer-${i}/data.bin`]: randomBytes(options.layerBytes ?? 2048), [`layer-${i}/label.txt`]: options.label ?? "dockyard" })));
  }
  const platform = options.platform ?? { os: "linux", architecture: "amd64" };
  const config = blobOf(
    Buffer.from(
      JSON.stringify({
        ...platform,
        created: "2026-01-01T00:00:00Z",
        config: { Labels: { "org.example.label": options.label ?? "dockyard" } },
        rootfs: { type: "layers", diff_ids: layers.map(() => `sha256:${randomBytes(32).toString("hex")}`) },
      }),
    ),
  );
  const mediaType = "application/vnd.oci.image.manifest.v1+json";
  const manifest = blobOf(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: config.digest, size: config.size },
        layers: layers.map((l) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: l.digest, size: l.size })),
      }),
    ),
  );
  return { manifest, config, layers, mediaType };
}

export function indexOf(images: { image: BuiltImage; platform: { os: string; architecture: string } }[]): Blob {
  return blobOf(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.index.v1+json",
        manifests: images.map(({ image, platform }) => ({ mediaType: image.mediaType, digest: image.manifest.digest, size: image.manifest.size, platform })),
      }),
    ),
  );
}

/** Writes an OCI image layout directory whose index.json names `top` with tag `tag`. */
export function writeLayout(dir: string, blobs: Blob[], top: { blob: Blob; mediaType: string }, tag: string): void {
  mkdirSync(path.join(dir, "blobs", "sha256"), { recursive: true });
  for (const b of blobs) writeFileSync(path.join(dir, "blobs", "sha256", b.digest.slice("sha256:".length)), b.bytes);
  writeFileSync(path.join(dir, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  writeFileSync(
    path.join(dir, "index.json"),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: top.mediaType, digest: top.blob.digest, size: top.blob.size, annotations: { "org.opencontainers.image.ref.name": tag } }] }),
  );
}

export function imageBlobs(image: BuiltImage): Blob[] {
  return [image.manifest, image.config, ...image.layers];
}
