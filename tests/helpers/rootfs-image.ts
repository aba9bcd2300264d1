// Builds container images from a description of their layers (files, symlinks, whiteouts) into a
// blob store, to feed the scanner in tests. Tar archives are written here byte by byte (ustar),
// so tests can also produce what real tools would refuse to: names that escape the root, names
// that are not UTF-8, truncated archives. zstd layers use the `zstd` binary when it is installed.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { BlobStore } from "@/lib/blobstore/blob-store";
import { parseDigest } from "@/lib/registry/digest";
import { blobKey } from "@/lib/registry/layout";

export type EntryType = "file" | "symlink" | "link" | "directory" | "fifo";
export type Entry = { name: string | Buffer; type?: EntryType; content?: string | Buffer; linkname?: string };
export type Compression = "gzip" | "zstd" | "none";

export const file = (name: string, content: string | Buffer): Entry => ({ name, content });
export const symlink = (name: string, target: string): Entry => ({ name, type: "symlink", linkname: target });
export const hardlink = (name: string, target: string): Entry => ({ name, type: "link", linkname: target });
export const dir = (name: string): Entry => ({ name, type: "directory" });
export const fifo = (name: string): Entry => ({ name, type: "fifo" });
/** The whiteout marker that deletes `path` from lower layers. */
export const whiteout = (path: string): Entry => {
  const slash = path.lastIndexOf("/");
  return file(`${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`, "");
};
/** The marker that hides every lower-layer child of `dirPath`. */
export const opaque = (dirPath: string): Entry => file(`${dirPath}/.wh..wh..opq`, "");

const TYPEFLAG: Record<EntryType, string> = { file: "0", link: "1", symlink: "2", directory: "5", fifo: "6" };

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function header(name: Buffer, type: EntryType, size: number, linkname: string): Buffer {
  const h = Buffer.alloc(512);
  let prefix: Buffer = Buffer.alloc(0);
  let base: Buffer = name;
  if (name.length > 100) {
    const cut = name.findIndex((b, i) => b === 0x2f && i <= 155 && name.length - i - 1 <= 100);
    if (cut < 0) throw new Error(`name too long for ustar: ${name.toString()}`);
    prefix = name.subarray(0, cut);
    base = name.subarray(cut + 1);
  }
  base.copy(h, 0);
  h.write(octal(type === "directory" ? 0o755 : 0o644, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(0, 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(TYPEFLAG[type], 156, "ascii");
  h.write(linkname, 157, "utf8");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  prefix.copy(h, 345);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}

/** A ustar archive of the entries, in order, with the two zero blocks that end it. */
export function tarOf(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const type = e.type ?? "file";
    const content = type === "file" ? Buffer.from(e.content ?? "") : Buffer.alloc(0);
    const name = typeof e.name === "string" ? Buffer.from(e.name, "utf8") : e.name;
    parts.push(header(name, type, content.length, e.linkname ?? ""), content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function zstdAvailable(): boolean {
  return spawnSync("zstd", ["--version"]).status === 0;
}

export function compress(tar: Buffer, compression: Compression): Buffer {
  if (compression === "gzip") return gzipSync(tar);
  if (compression === "zstd") return execFileSync("zstd", ["-q", "-c", "-3"], { input: tar, maxBuffer: 1 << 30 });
  return tar;
}

export const LAYER_MEDIA_TYPES: Record<Compression, string> = {
  gzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  zstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  none: "application/vnd.oci.image.layer.v1.tar",
};

export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

export async function putBlob(store: BlobStore, bytes: Buffer): Promise<{ digest: string; size: number }> {
  const digest = digestOf(bytes);
  await store.put(blobKey(parseDigest(digest)!), bytes);
  return { digest, size: bytes.length };
}

/** A layer: entries to tar and compress, or raw blob bytes (for corrupt-data tests). */
export type LayerInput = { entries?: Entry[]; raw?: Buffer; compression?: Compression; mediaType?: string };

export type PutImageOptions = { layers: LayerInput[]; platform?: { os: string; architecture: string; variant?: string }; configMediaType?: string };

export type StoredImage = { digest: string; size: number; layerDigests: string[]; mediaType: string };

/** Stores layers, a config and an OCI image manifest; returns the manifest's digest. */
export async function putImage(store: BlobStore, options: PutImageOptions): Promise<StoredImage> {
  const layers = [];
  for (const layer of options.layers) {
    const compression = layer.compression ?? "gzip";
    const bytes = layer.raw ?? compress(tarOf(layer.entries ?? []), compression);
    const { digest, size } = await putBlob(store, bytes);
    layers.push({ mediaType: layer.mediaType ?? LAYER_MEDIA_TYPES[compression], digest, size });
  }
  const platform = options.platform ?? { os: "linux", architecture: "amd64" };
  const config = await putBlob(store, Buffer.from(JSON.stringify({ ...platform, rootfs: { type: "layers", diff_ids: [] }, config: {} })));
  const mediaType = "application/vnd.oci.image.manifest.v1+json";
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: { mediaType: options.configMediaType ?? "application/vnd.oci.image.config.v1+json", ...config },
      layers,
    }),
  );
  const stored = await putBlob(store, manifest);
  return { ...stored, layerDigests: layers.map((l) => l.digest), mediaType };
}

/** Stores an OCI index over images, each with its platform. */
export async function putIndex(store: BlobStore, images: { image: StoredImage; platform: { os: string; architecture: string; variant?: string }; annotations?: Record<string, string> }[]): Promise<string> {
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      manifests: images.map(({ image, platform, annotations }) => ({ mediaType: image.mediaType, digest: image.digest, size: image.size, platform, ...(annotations ? { annotations } : {}) })),
    }),
  );
  return (await putBlob(store, index)).digest;
}
