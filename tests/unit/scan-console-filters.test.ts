// The console's scan query, filters and fixed-in wording (components/console/scan-table-filters.ts).
import { describe, expect, it } from "vitest";
import { fixHint, findingsOfSeverity, packagesNamed, parseScanQuery, scanHref } from "@/components/console/scan-table-filters";
import { translator } from "@/lib/i18n/messages";
import type { Finding, Package } from "@/lib/scanner";

const DIGEST = `sha256:${"a".repeat(64)}`;

const finding = (vulnerabilityId: string, severity: Finding["severity"], fixedVersion: string | null): Finding => ({
  vulnerabilityId,
  aliases: [],
  packageName: "zlib",
  installedVersion: "1.2.11-r3",
  fixedVersion,
  severity,
  description: "",
  uri: null,
  ecosystem: "Alpine:v3.15",
});

const pkg = (name: string): Package => ({ name, version: "1.0", ecosystem: "Debian:12", manager: "dpkg", path: "var/lib/dpkg/status", layerDigest: DIGEST });

describe("parseScanQuery", () => {
  it("keeps a valid image digest, severity and package filter", () => {
    expect(parseScanQuery({ image: DIGEST, severity: "HIGH", package: " libssl " })).toEqual({ image: DIGEST, severity: "HIGH", package: "libssl" });
  });

  it("reads malformed or repeated values as not given, never as an error", () => {
    expect(parseScanQuery({ image: "../etc/passwd", severity: "high", package: "" })).toEqual({ image: undefined, severity: undefined, package: undefined });
    expect(parseScanQuery({ severity: ["LOW", "HIGH"] }).severity).toBe("LOW");
    expect(parseScanQuery({ package: "x".repeat(101) }).package).toBeUndefined();
  });
});

describe("filters", () => {
  const findings = [finding("CVE-2022-37434", "CRITICAL", "1.2.12-r2"), finding("CVE-2018-25032", "HIGH", "1.2.12-r0"), finding("CVE-2099-0001", "LOW", null)];

  it("keeps the findings of one severity, or all without one", () => {
    expect(findingsOfSeverity(findings, "HIGH").map((f) => f.vulnerabilityId)).toEqual(["CVE-2018-25032"]);
    expect(findingsOfSeverity(findings, "MEDIUM")).toEqual([]);
    expect(findingsOfSeverity(findings, undefined)).toHaveLength(3);
  });

  it("matches package names by substring, case-insensitively", () => {
    const packages = [pkg("libssl3"), pkg("openssl"), pkg("zlib1g")];
    expect(packagesNamed(packages, "SSL").map((p) => p.name)).toEqual(["libssl3", "openssl"]);
    expect(packagesNamed(packages, "  ")).toHaveLength(3);
    expect(packagesNamed(packages, "curl")).toEqual([]);
  });
});

describe("fixHint", () => {
  it("names the version to upgrade to, in both languages", () => {
    expect(fixHint({ fixedVersion: "1.2.12-r2" }, translator("en"))).toBe("Fixed in 1.2.12-r2 — upgrade to 1.2.12-r2 or later");
    expect(fixHint({ fixedVersion: "1.2.12-r2" }, translator("ja"))).toBe("1.2.12-r2 で修正 — 1.2.12-r2 以降にアップグレードしてください");
  });

  it("says there is no fix yet when no fixed version is known", () => {
    expect(fixHint({ fixedVersion: null }, translator("en"))).toBe("No fix yet");
    expect(fixHint({ fixedVersion: null }, translator("ja"))).toBe("修正はまだありません");
  });
});

describe("scanHref", () => {
  it("keeps the selection in the query and drops what is not set", () => {
    expect(scanHref("/en/registry/repositories/a/b", { image: DIGEST, severity: "HIGH" })).toBe(`/en/registry/repositories/a/b?image=sha256%3A${"a".repeat(64)}&severity=HIGH#scan-results`);
    expect(scanHref("/en/registry/repositories/a", { package: "lib ssl" }, "scan-inventory")).toBe("/en/registry/repositories/a?package=lib+ssl#scan-inventory");
    expect(scanHref("/en/registry/repositories/a", {})).toBe("/en/registry/repositories/a#scan-results");
  });
});
