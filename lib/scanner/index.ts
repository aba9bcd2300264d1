// Public surface of the image scanner: reading images from the blob store, package inventory,
// version ordering per ecosystem, and OSV advisory matching. Faces import from here only.
export { scanImage, type ScanOptions, type ScanProgress } from "./scan-image";
export type { ScanBlobs } from "./read-manifest";
export type { Finding, ImageScan, ImageScanResult, IndexScan, Package, PackageManager, Platform, ScanFailure, ScanResult, Severity } from "./scan-types";
export { ScanError, isScanError, type ScanErrorCode } from "./errors";
export { DEFAULT_SCAN_LIMITS, resolveLimits, type ScanLimits } from "./scan-limits";
export type { OsIdentity } from "./os-release";
export { parseOsRelease } from "./os-release";
export { parseApkInstalled, type ApkPackage } from "./apk-db";
export { parseDpkgStatus, parseDpkgStatusD, isListedByDpkgQuery, type DpkgPackage } from "./dpkg-status";
export { parsePackageLock, parseRequirements, normalizePypiName, type LanguagePackage } from "./language-manifests";
export { compareDebianVersions } from "./version-dpkg";
export { compareApkVersions, isValidApkVersion } from "./version-apk";
export { compareSemver } from "./version-semver";
export { comparePep440 } from "./version-pep440";
export { compareVersions, schemeForEcosystem, type VersionScheme } from "./versions";
export { cvss3BaseScore } from "./cvss";
export { OsvRecordSchema, type OsvAffected, type OsvRecord } from "./osv-schema";
export { AdvisoryFeedError, buildAdvisoryIndex, loadAdvisories, parseAdvisory, type AdvisoryCandidate, type AdvisoryIndex, type AdvisoryProblem } from "./advisories";
export { evaluateAffected, matchPackages, severityOf } from "./match";
export { ecosystemFor } from "./ecosystems";
// Building blocks, exported for their own tests and for tools that read layers.
export { normalizeTarPath, decodeNameBytes } from "./tar-path";
export { chooseCompression, declaredCompression, sniffCompression, type Compression } from "./decompress";
