// Deterministic OCI images from file trees: a tar layer (tar-stream, fixed mtimes and owners,
// entries in sorted order), gzip from node:zlib, an image config whose rootfs.diff_ids are the
// sha256 of the uncompressed tar, an image manifest, and for several platforms an image index.
// The same tree always gives the same bytes, so the same digests run after run.
// @see https://github.com/opencontainers/image-spec/blob/main/config.md (diff_ids)
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";
import { digestOf } from "../registry/digest";
import { MEDIA_TYPES } from "../registry/manifest-schema";

export type OciBlob = { digest: string; size: number; mediaType: string; bytes: Buffer };
export type OciPlatform = { os: string; architecture: string; variant?: string };
export type OciImage = { platform: OciPlatform; manifest: OciBlob; config: OciBlob; layers: OciBlob[] };

/** Every timestamp in the image: fixed, so digests never depend on when the image was built. */
export const SANDBOX_EPOCH = new Date("2026-01-01T00:00:00Z");

const LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
const CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
/** Byte 9 of a gzip header names the OS that wrote it; pinned to 3 (Unix) for every host. */
const GZIP_OS_OFFSET = 9;
const GZIP_OS_UNIX = 3;

function blob(bytes: Buffer, mediaType: string): OciBlob {
  return { digest: digestOf(bytes), size: bytes.length, mediaType, bytes };
}

/** Every parent directory of the paths, each once, so the tar lists them before their files. */
function parentDirectories(paths: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return [...dirs];
}

/** A tar archive of the tree: directories 0755 and files 0644, owned by root, in sorted order. */
export async function tarOfTree(files: Record<string, string>): Promise<Buffer> {
  const paths = Object.keys(files).sort();
  const entries = [...parentDirectories(paths).map((name) => ({ name, dir: true })), ...paths.map((name) => ({ name, dir: false }))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    archive.on("end", () => resolve());
    archive.on("error", reject);
  });
  const owner = { uid: 0, gid: 0, uname: "root", gname: "root", mtime: SANDBOX_EPOCH };
  for (const entry of entries) {
    if (entry.dir) archive.entry({ ...owner, name: `${entry.name}/`, type: "directory", mode: 0o755 });
    else archive.entry({ ...owner, name: entry.name, type: "file", mode: 0o644 }, files[entry.name]!);
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** gzip with a pinned header (node's gzip writes mtime 0; the OS byte is pinned here). */
export function gzipLayer(tar: Buffer): Buffer {
  const gz = gzipSync(tar, { level: 9 });
  gz[GZIP_OS_OFFSET] = GZIP_OS_UNIX;
  return gz;
}

export type ImageDescription = { platform: OciPlatform; files: Record<string, string>; title: string; createdBy: string };

/** One single-layer image for one platform. */
export async function buildOciImage(description: ImageDescription): Promise<OciImage> {
  const tar = await tarOfTree(description.files);
  const layer = blob(gzipLayer(tar), LAYER_TYPE);
  const created = SANDBOX_EPOCH.toISOString();
  const config = blob(
    Buffer.from(
      JSON.stringify({
        created,
        architecture: description.platform.architecture,
        ...(description.platform.variant ? { variant: description.platform.variant } : {}),
        os: description.platform.os,
        config: { Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], Labels: { "org.opencontainers.image.title": description.title } },
        rootfs: { type: "layers", diff_ids: [digestOf(tar)] },
        history: [{ created, created_by: description.createdBy }],
      }),
    ),
    CONFIG_TYPE,
  );
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
        layers: [{ mediaType: layer.mediaType, digest: layer.digest, size: layer.size }],
        annotations: { "org.opencontainers.image.title": description.title, "org.opencontainers.image.created": created },
      }),
    ),
    MEDIA_TYPES.ociManifest,
  );
  return { platform: description.platform, manifest, config, layers: [layer] };
}

/** An OCI image index over platform images, each entry carrying its platform. */
export function buildOciIndex(images: readonly OciImage[], title: string): OciBlob {
  return blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociIndex,
        manifests: images.map((image) => ({ mediaType: image.manifest.mediaType, digest: image.manifest.digest, size: image.manifest.size, platform: image.platform })),
        annotations: { "org.opencontainers.image.title": title },
      }),
    ),
    MEDIA_TYPES.ociIndex,
  );
}
