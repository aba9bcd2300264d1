// The shapes a scan returns. Kept in one file so the faces (ECR scanning jobs, console, tests)
// import types without pulling in the reader.
import type { ScanErrorCode } from "./errors";
import type { OsIdentity } from "./os-release";

export type PackageManager = "apk" | "dpkg" | "npm" | "pypi";

export type Package = {
  name: string;
  version: string;
  /** The OSV ecosystem the package is matched in: "Alpine:v3.19", "Debian:12", "npm", "PyPI";
   * just "Alpine" / "Debian" / "Ubuntu" when the OS release is unknown (then nothing matches). */
  ecosystem: string;
  manager: PackageManager;
  /** The source package (dpkg Source:, apk origin) advisories are keyed by. */
  source?: { name: string; version: string };
  arch?: string;
  /** dpkg's Status field, when the database has one ("install ok installed"). */
  status?: string;
  /** The database or manifest the package was read from ("var/lib/dpkg/status"). */
  path: string;
  /** The layer in which this name+version last appeared (the layer that installed it). */
  layerDigest: string;
};

export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" | "UNDEFINED";

export type Finding = {
  /** The CVE id when the advisory has one, else the advisory's own id. */
  vulnerabilityId: string;
  /** Every other id of the same issue (the OSV record id, DSA/GHSA ids…). */
  aliases: string[];
  packageName: string;
  installedVersion: string;
  /** The first fixed version above the installed one, or null when no fix is known. */
  fixedVersion: string | null;
  severity: Severity;
  description: string;
  uri: string | null;
  ecosystem: string;
};

export type Platform = { os: string; architecture: string; variant?: string };

export type ScanFailure = { ok: false; code: ScanErrorCode; description: string; manifestDigest: string };

export type ImageScan = {
  ok: true;
  kind: "image";
  manifestDigest: string;
  os: OsIdentity | null;
  platform: Platform | null;
  packages: Package[];
  findings: Finding[];
  /** Layers read completely. */
  layersRead: number;
  /** Compressed bytes read from the blob store for the layers. */
  bytesRead: number;
  /** Tar bytes after decompression. */
  bytesDecompressed: number;
};

export type ImageScanResult = ImageScan | ScanFailure;

/** An index (manifest list) scans each platform's image on its own; one may fail while others pass. */
export type IndexScan = { ok: true; kind: "index"; manifestDigest: string; platforms: ImageScanResult[]; layersRead: number; bytesRead: number };

export type ScanResult = ImageScanResult | IndexScan;
