// Safety limits for reading untrusted layers. Every limit that trips becomes
// ScanError("LimitExceeded") with `details.limit` naming it, so a report can say which one.

export type ScanLimits = {
  /** Tar entries in one layer (headers of any type). */
  maxEntriesPerLayer: number;
  /** Bytes of one file we keep in memory (os-release, package databases, language manifests). */
  maxFileBytes: number;
  /** Bytes of all kept files alive at once in the root filesystem view. */
  maxBufferedBytes: number;
  /** Decompressed tar bytes over all layers of one image. */
  maxImageBytes: number;
  /** Decompressed bytes per compressed byte of a layer (a decompression bomb has thousands). */
  maxCompressionRatio: number;
  /** A layer may always inflate to this many bytes, whatever its ratio (tiny layers compress well). */
  ratioAllowanceBytes: number;
};

const MiB = 1024 * 1024;

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxEntriesPerLayer: 200_000,
  maxFileBytes: 8 * MiB,
  maxBufferedBytes: 64 * MiB,
  maxImageBytes: 8 * 1024 * MiB,
  maxCompressionRatio: 100,
  ratioAllowanceBytes: 1 * MiB,
};

export function resolveLimits(overrides: Partial<ScanLimits> = {}): ScanLimits {
  return { ...DEFAULT_SCAN_LIMITS, ...overrides };
}
