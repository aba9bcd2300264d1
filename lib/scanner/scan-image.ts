// The scan of one manifest digest: resolve the manifest (each platform of an index), stream
// every layer in order through decompression and tar parsing into a sparse root filesystem view,
// then read the OS identity and package inventory from what survived, and match advisories.
// Nothing is written to disk; only wanted files are held in memory, under ScanLimits. Every
// failure is returned as a value (ScanFailure); scanImage never throws.
import { parseDigest } from "../registry/digest";
import { blobKey } from "../registry/layout";
import { isNonDistributable, type Descriptor, type ParsedManifest } from "../registry/manifest-schema";
import type { AdvisoryIndex } from "./advisories";
import { chooseCompression, declaredCompression, decompressedChunks, peek } from "./decompress";
import { ecosystemFor } from "./ecosystems";
import { ScanError, asScanError } from "./errors";
import { collectInventory, inventoryKey, isWantedPath, type InventoryItem } from "./inventory";
import { matchPackages } from "./match";
import { findOsIdentity } from "./os-release";
import { readManifestOrThrow, readSmallBlob, type ScanBlobs } from "./read-manifest";
import { LayerChanges, RootfsView } from "./rootfs-view";
import { resolveLimits, type ScanLimits } from "./scan-limits";
import type { ImageScanResult, IndexScan, Package, Platform, ScanFailure, ScanResult } from "./scan-types";
import { walkTar, type TarEntry } from "./tar-walk";

export type ScanOptions = {
  /** The advisory feed to match against; without it, findings are empty. */
  advisories?: AdvisoryIndex;
  limits?: Partial<ScanLimits>;
  /** For an index: scan only this platform's image and return its result directly. */
  platform?: Platform;
  /** Called as compressed layer bytes are read, for progress bars; what it throws is ignored. */
  onProgress?: (progress: ScanProgress) => void;
};

/** Compressed layer bytes read so far, against the total layer size the manifest(s) declare. */
export type ScanProgress = { bytesRead: number; totalBytes: number };

/** Sums what every layer read reports into one progress for the whole scan (all platforms). */
class ProgressMeter {
  private read = 0;
  private total = 0;
  constructor(private readonly report?: (progress: ScanProgress) => void) {}
  expect(bytes: number): void {
    this.total += bytes;
  }
  add(bytes: number): void {
    this.read += bytes;
    try {
      // Layer sizes come from the manifest; a blob larger than declared must not pass 100 %.
      this.report?.({ bytesRead: this.read, totalBytes: Math.max(this.total, this.read) });
    } catch {
      // A progress display must never fail the scan.
    }
  }
}

const layerBytes = (manifest: Extract<ParsedManifest, { kind: "image" }>) => manifest.layers.reduce((n, l) => n + l.size, 0);

const IMAGE_CONFIG_TYPES = ["application/vnd.oci.image.config.v1+json", "application/vnd.docker.container.image.v1+json"];
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

type Totals = { layersRead: number; bytesRead: number; bytesDecompressed: number };

function failure(error: unknown, manifestDigest: string, fallback: "LayerUnreadable" | "ManifestUnreadable"): ScanFailure {
  const e = asScanError(error, fallback, "The scan failed");
  return { ok: false, code: e.code, description: e.message, manifestDigest };
}

/** Counts decompressed bytes against the per-image total and the per-layer ratio limit. */
function layerMeter(limits: ScanLimits, totals: Totals, compressedSize: number, compressed: boolean): (bytes: number) => void {
  let layerBytes = 0;
  const ratioCap = Math.max(limits.maxCompressionRatio * compressedSize, limits.ratioAllowanceBytes);
  return (bytes) => {
    layerBytes += bytes;
    totals.bytesDecompressed += bytes;
    if (compressed && layerBytes > ratioCap) {
      throw new ScanError("LimitExceeded", `A layer of ${compressedSize} compressed bytes inflates past ${ratioCap} bytes (more than ${limits.maxCompressionRatio}:1): likely a decompression bomb.`, { limit: "maxCompressionRatio" });
    }
    if (totals.bytesDecompressed > limits.maxImageBytes) {
      throw new ScanError("LimitExceeded", `The image's layers decompress to more than ${limits.maxImageBytes} bytes.`, { limit: "maxImageBytes" });
    }
  };
}

/** Applies one tar entry to the layer's changes. */
function applyEntry(changes: LayerChanges, entry: TarEntry, content: Buffer | null): void {
  if (LayerChanges.isWhiteout(entry.path)) return changes.addWhiteout(entry.path);
  switch (entry.kind) {
    case "file":
      if (content) changes.addFile(entry.path, content);
      else if (changes.exists(entry.path)) changes.addOther(entry.path);
      return;
    case "symlink":
      return changes.addSymlink(entry.path, entry.linkTarget ?? "");
    case "hardlink":
      return changes.addHardlink(entry.path, entry.linkTarget!);
    case "directory":
      return changes.addDirectory(entry.path);
    case "other":
      if (changes.exists(entry.path)) changes.addOther(entry.path);
  }
}

async function readLayer(blobs: ScanBlobs, layer: Descriptor, view: RootfsView, limits: ScanLimits, totals: Totals, meter: ProgressMeter): Promise<LayerChanges | null> {
  const declared = declaredCompression(layer.mediaType);
  if (declared === null) throw new ScanError("UnsupportedImage", `Layer ${layer.digest} has media type ${layer.mediaType}, which is not a filesystem layer.`, { digest: layer.digest });
  const parsed = parseDigest(layer.digest);
  const stat = parsed ? await blobs.stat(blobKey(parsed)) : null;
  if (!parsed || !stat) {
    // Foreign (Windows base) layers are not stored by registries; there is nothing of ours to read.
    if (isNonDistributable(layer)) return null;
    throw new ScanError("LayerUnreadable", `Layer ${layer.digest} is not in the blob store.`, { digest: layer.digest });
  }
  const stream = await blobs.read(blobKey(parsed));
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of stream) {
      totals.bytesRead += (chunk as Buffer).length;
      meter.add((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  }
  const changes = view.beginLayer(layer.digest);
  try {
    const { head, rest } = await peek(counted(), 4);
    const compression = chooseCompression(layer.mediaType, head);
    const chunks = decompressedChunks(rest, compression, layerMeter(limits, totals, stat.size, compression !== "none"));
    await walkTar(chunks, { wants: (e) => isWantedPath(e.path), onEntry: (e, content) => applyEntry(changes, e, content) }, { maxEntries: limits.maxEntriesPerLayer, maxFileBytes: limits.maxFileBytes });
  } catch (error) {
    stream.destroy();
    const e = asScanError(error, "LayerUnreadable", `Layer ${layer.digest} cannot be read`, { digest: layer.digest });
    // An unreadable layer is reported with its digest, so the learner knows which blob is broken.
    if (e.code !== "LayerUnreadable" || e.message.includes(layer.digest)) throw e;
    throw new ScanError(e.code, `Layer ${layer.digest}: ${e.message}`, { ...e.details, digest: layer.digest });
  }
  changes.commit();
  totals.layersRead += 1;
  return changes;
}

/** Tracks in which layer each package (name + version in a database) appeared last. */
function trackIntroductions(introducedIn: Map<string, string>, items: InventoryItem[], layer: string): void {
  const current = new Set(items.map(inventoryKey));
  for (const key of [...introducedIn.keys()]) if (!current.has(key)) introducedIn.delete(key);
  for (const key of current) if (!introducedIn.has(key)) introducedIn.set(key, layer);
}

async function readPlatform(blobs: ScanBlobs, manifest: Extract<ParsedManifest, { kind: "image" }>): Promise<Platform | null> {
  try {
    const bytes = await readSmallBlob(blobs, manifest.config.digest, MAX_CONFIG_BYTES);
    if (!bytes) return null;
    const config = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    if (typeof config.os !== "string" || typeof config.architecture !== "string") return null;
    return { os: config.os, architecture: config.architecture, ...(typeof config.variant === "string" ? { variant: config.variant } : {}) };
  } catch {
    return null;
  }
}

async function scanImageManifest(blobs: ScanBlobs, manifestDigest: string, manifest: Extract<ParsedManifest, { kind: "image" }>, options: ScanOptions, platformHint: Platform | null, meter: ProgressMeter): Promise<ImageScanResult> {
  const totals: Totals = { layersRead: 0, bytesRead: 0, bytesDecompressed: 0 };
  try {
    if (manifest.artifactType || !IMAGE_CONFIG_TYPES.includes(manifest.config.mediaType)) {
      throw new ScanError("UnsupportedImage", `${manifestDigest} is an artifact (${manifest.artifactType ?? manifest.config.mediaType}), not a container image.`);
    }
    const limits = resolveLimits(options.limits);
    const view = new RootfsView(limits.maxBufferedBytes);
    const introducedIn = new Map<string, string>();
    for (const layer of manifest.layers) {
      const changes = await readLayer(blobs, layer, view, limits, totals, meter);
      if (changes?.touched) trackIntroductions(introducedIn, collectInventory(view), layer.digest);
    }
    const os = findOsIdentity(view);
    const packages: Package[] = collectInventory(view).map((item) => ({
      ...item,
      ecosystem: ecosystemFor(item.manager, os),
      layerDigest: introducedIn.get(inventoryKey(item)) ?? manifest.layers.at(-1)?.digest ?? "",
    }));
    if (!os && packages.length === 0) {
      throw new ScanError("UnsupportedImage", `${manifestDigest} has no /etc/os-release and no package database (a scratch or single-binary image).`);
    }
    const findings = options.advisories ? matchPackages(packages, options.advisories) : [];
    const platform = platformHint ?? (await readPlatform(blobs, manifest));
    return { ok: true, kind: "image", manifestDigest, os, platform, packages, findings, ...totals };
  } catch (error) {
    return failure(error, manifestDigest, "LayerUnreadable");
  }
}

function platformOf(d: Descriptor): Platform | null {
  if (!d.platform) return null;
  const variant = (d.platform as { variant?: unknown }).variant;
  return { os: d.platform.os, architecture: d.platform.architecture, ...(typeof variant === "string" ? { variant } : {}) };
}

function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && (b.variant === undefined || a.variant === b.variant);
}

/** Buildx attaches provenance as index entries for platform unknown/unknown; they are not images. */
function isAttestation(d: Descriptor): boolean {
  return d.platform?.os === "unknown" || d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest";
}

async function scanChild(blobs: ScanBlobs, child: Descriptor, options: ScanOptions, meter: ProgressMeter): Promise<ImageScanResult> {
  try {
    const manifest = await readManifestOrThrow(blobs, child.digest);
    if (manifest.kind !== "image") throw new ScanError("UnsupportedImage", `${child.digest} is a nested index; only one level of index is scanned.`);
    return await scanImageManifest(blobs, child.digest, manifest, options, platformOf(child), meter);
  } catch (error) {
    return failure(error, child.digest, "ManifestUnreadable");
  }
}

/** Adds the layer sizes of an index's images to the progress total before any is read. */
async function expectChildLayers(blobs: ScanBlobs, children: Descriptor[], meter: ProgressMeter): Promise<void> {
  for (const child of children) {
    try {
      const manifest = await readManifestOrThrow(blobs, child.digest);
      if (manifest.kind === "image") meter.expect(layerBytes(manifest));
    } catch {
      // scanChild reports the unreadable manifest; it adds nothing to read.
    }
  }
}

/**
 * Scans the image (or every platform image of the index) that `manifestDigest` names.
 * With `options.platform`, an index resolves to that platform's image result.
 */
export async function scanImage(blobs: ScanBlobs, manifestDigest: string, options: ScanOptions = {}): Promise<ScanResult> {
  let manifest: ParsedManifest;
  try {
    manifest = await readManifestOrThrow(blobs, manifestDigest);
  } catch (error) {
    return failure(error, manifestDigest, "ManifestUnreadable");
  }
  const meter = new ProgressMeter(options.onProgress);
  if (manifest.kind === "image") {
    meter.expect(layerBytes(manifest));
    return scanImageManifest(blobs, manifestDigest, manifest, options, null, meter);
  }
  const children = manifest.manifests.filter((d) => !isAttestation(d));
  if (options.platform) {
    const wanted = options.platform;
    const child = children.find((d) => {
      const p = platformOf(d);
      return p !== null && samePlatform(p, wanted);
    });
    if (!child) {
      const name = `${wanted.os}/${wanted.architecture}${wanted.variant ? `/${wanted.variant}` : ""}`;
      return { ok: false, code: "UnsupportedImage", description: `The index ${manifestDigest} has no ${name} image.`, manifestDigest };
    }
    await expectChildLayers(blobs, [child], meter);
    return scanChild(blobs, child, options, meter);
  }
  await expectChildLayers(blobs, children, meter);
  const platforms: ImageScanResult[] = [];
  for (const child of children) platforms.push(await scanChild(blobs, child, options, meter));
  const sum = (f: (r: Extract<ImageScanResult, { ok: true }>) => number) => platforms.reduce((n, r) => n + (r.ok ? f(r) : 0), 0);
  const result: IndexScan = { ok: true, kind: "index", manifestDigest, platforms, layersRead: sum((r) => r.layersRead), bytesRead: sum((r) => r.bytesRead) };
  return result;
}
