// The small readers the scanner is built from: tar names, compression detection, os-release,
// the Alpine installed database and language manifests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseCompression, declaredCompression, decodeNameBytes, normalizeTarPath, parseApkInstalled, parseOsRelease, parsePackageLock, parseRequirements, sniffCompression } from "@/lib/scanner";

describe("tar names", () => {
  it("normalises paths and refuses the ones that leave the root", () => {
    expect(normalizeTarPath("./etc/os-release")).toBe("etc/os-release");
    expect(normalizeTarPath("/etc//./os-release")).toBe("etc/os-release");
    expect(normalizeTarPath("usr/lib/../../etc/os-release")).toBe("etc/os-release");
    expect(normalizeTarPath("./")).toBe("");
    expect(normalizeTarPath("../etc/passwd")).toBeNull();
    expect(normalizeTarPath("a/../../etc/passwd")).toBeNull();
    expect(normalizeTarPath("/../etc/passwd")).toBeNull();
  });

  it("never returns a path with '..', '.', an empty segment or a leading slash", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "..", ".", "", "etc"), { maxLength: 8 }), (segments) => {
        const result = normalizeTarPath(segments.join("/"));
        if (result === null) return;
        expect(result.split("/").filter((s) => s === ".." || s === "." || (s === "" && result !== ""))).toEqual([]);
        expect(result.startsWith("/")).toBe(false);
      }),
      { seed: 3 },
    );
  });

  it("decodes UTF-8 names as is and keeps invalid bytes distinct instead of crashing", () => {
    expect(decodeNameBytes(Buffer.from("usr/share/zoneinfo/América", "utf8"))).toBe("usr/share/zoneinfo/América");
    const a = decodeNameBytes(Buffer.from([0x66, 0xff, 0x41]));
    const b = decodeNameBytes(Buffer.from([0x66, 0xfe, 0x41]));
    expect(a).not.toBe(b);
    expect(a).toBe("f\udcffA");
    expect(decodeNameBytes(Buffer.from([0xc3, 0xa9, 0xc3]))).toBe("é\udcc3");
  });
});

describe("compression detection", () => {
  it("reads the declared compression from layer media types and rejects non-layers", () => {
    expect(declaredCompression("application/vnd.oci.image.layer.v1.tar+gzip")).toBe("gzip");
    expect(declaredCompression("application/vnd.oci.image.layer.v1.tar+zstd")).toBe("zstd");
    expect(declaredCompression("application/vnd.oci.image.layer.v1.tar")).toBe("none");
    expect(declaredCompression("application/vnd.docker.image.rootfs.diff.tar.gzip")).toBe("gzip");
    expect(declaredCompression("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip")).toBe("gzip");
    expect(declaredCompression("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd")).toBe("zstd");
    expect(declaredCompression("application/vnd.cncf.helm.chart.content.v1.tar+gzip")).toBeNull();
  });

  it("lets the magic bytes decide, and refuses a declared compression the bytes do not carry", () => {
    expect(sniffCompression(Buffer.from([0x1f, 0x8b, 8]))).toBe("gzip");
    expect(sniffCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toBe("zstd");
    expect(chooseCompression("application/vnd.docker.image.rootfs.diff.tar.gzip", Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toBe("zstd");
    expect(chooseCompression("application/vnd.oci.image.layer.v1.tar", Buffer.from("etc/"))).toBe("none");
    expect(() => chooseCompression("application/vnd.oci.image.layer.v1.tar+gzip", Buffer.from("etc/"))).toThrow(/declared gzip/);
    expect(chooseCompression("application/vnd.oci.image.layer.v1.tar+gzip", Buffer.alloc(0))).toBe("none");
  });
});

describe("os-release", () => {
  it("parses shell-quoted values and skips comments and junk", () => {
    expect(parseOsRelease('# comment\nNAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"\nPRETTY_NAME=\'It\\\'s\'\nX="a \\"q\\" b"\nnot a line\n')).toEqual({
      NAME: "Debian GNU/Linux",
      ID: "debian",
      VERSION_ID: "12",
      PRETTY_NAME: "It\\'s",
      X: 'a "q" b',
    });
  });
});

describe("Alpine installed database", () => {
  it("lists one name-version per record, like `apk info -v`, with the origin", () => {
    const db = "C:Q1x=\nP:libssl3\nV:3.1.4-r1\nA:x86_64\no:openssl\nF:lib\nR:libssl.so.3\nF:usr/lib\n\nP:broken-no-version\n\nC:Q1y=\nP:musl\nV:1.2.4-r2\n";
    expect(parseApkInstalled(db)).toEqual([
      { name: "libssl3", version: "3.1.4-r1", origin: "openssl", arch: "x86_64" },
      { name: "musl", version: "1.2.4-r2", origin: null, arch: null },
    ]);
  });
});

describe("language manifests", () => {
  it("package-lock.json v2/v3: every node_modules entry, not the root or workspace links; v1 is skipped", () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        "": { name: "app", version: "1.0.0" },
        "node_modules/lodash": { version: "4.17.20" },
        "node_modules/a/node_modules/lodash": { version: "4.17.21" },
        "node_modules/@scope/pkg": { version: "2.0.0" },
        "node_modules/aliased": { name: "real-name", version: "1.2.3" },
        "node_modules/ws-link": { resolved: "packages/ws", link: true },
        "packages/ws": { name: "ws", version: "0.0.1" },
      },
    };
    expect(parsePackageLock(JSON.stringify(lock))).toEqual([
      { name: "lodash", version: "4.17.20" },
      { name: "lodash", version: "4.17.21" },
      { name: "@scope/pkg", version: "2.0.0" },
      { name: "real-name", version: "1.2.3" },
    ]);
    expect(parsePackageLock(JSON.stringify({ lockfileVersion: 1, dependencies: { lodash: { version: "4.17.20" } } }))).toEqual([]);
    expect(parsePackageLock("{oops")).toEqual([]);
  });

  it("requirements.txt: exact pins only, names normalised (PEP 503)", () => {
    const text = [
      "# pinned",
      "Flask==2.0.0",
      "requests[security] == 2.25.0 ; python_version >= '3.6'",
      "zope.interface===5.4.0",
      "Django>=3.2",
      "numpy",
      "-r other.txt",
      "--index-url https://example.org/simple",
      "-e git+https://example.org/x.git#egg=x",
      "urllib3==1.26.5 \\",
      "    --hash=sha256:abcdef",
      "pkg==1.*",
    ].join("\n");
    expect(parseRequirements(text)).toEqual([
      { name: "flask", version: "2.0.0" },
      { name: "requests", version: "2.25.0" },
      { name: "zope-interface", version: "5.4.0" },
      { name: "urllib3", version: "1.26.5" },
    ]);
  });
});
