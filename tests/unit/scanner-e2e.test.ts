// End to end: images built in memory, scanned with the shipped advisory feed. The findings must
// be exactly the CVEs the feed says affect those package versions: no more, no fewer.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "@/lib/blobstore/memory-blob-store";
import { loadAdvisories, scanImage, type AdvisoryIndex, type ImageScan, type ScanResult } from "@/lib/scanner";
import { file, putImage, symlink, zstdAvailable } from "../helpers/rootfs-image";

let feed: AdvisoryIndex;
beforeAll(async () => {
  feed = await loadAdvisories(path.resolve(import.meta.dirname, "../../content/advisories"));
});

function ok(result: ScanResult): ImageScan {
  if (!result.ok || result.kind !== "image") throw new Error(`scan failed: ${JSON.stringify(result)}`);
  return result;
}

const rows = (scan: ImageScan) => scan.findings.map((f) => `${f.severity} ${f.vulnerabilityId} ${f.packageName} ${f.installedVersion} -> ${f.fixedVersion ?? "none"}`);

function apkDb(pkgs: [name: string, version: string, origin: string][]): string {
  return pkgs.map(([n, v, o]) => `C:Q1${Buffer.from(n).toString("base64")}=\nP:${n}\nV:${v}\nA:x86_64\nS:1000\nI:2000\nT:${n}\nU:https://alpinelinux.org\nL:MIT\no:${o}\nm:Dockyard <dockyard@example.org>\nt:1640000000\nF:usr/lib\n`).join("\n") + "\n";
}

function dpkgStatus(pkgs: [name: string, version: string, source: string | null][]): string {
  return pkgs.map(([n, v, s]) => `Package: ${n}\nStatus: install ok installed\nPriority: required\nArchitecture: amd64\n${s ? `Source: ${s}\n` : ""}Version: ${v}\nDescription: ${n}\n`).join("\n");
}

const ALPINE_315 = [
  file("usr/lib/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.0\nPRETTY_NAME="Alpine Linux v3.15"\n'),
  symlink("etc/os-release", "../usr/lib/os-release"),
  file("etc/alpine-release", "3.15.0\n"),
];

const oldAlpine: [string, string, string][] = [
  ["musl", "1.2.2-r7", "musl"],
  ["busybox", "1.34.1-r3", "busybox"],
  ["ssl_client", "1.34.1-r3", "busybox"],
  ["alpine-baselayout", "3.2.0-r18", "alpine-baselayout"],
  ["libcrypto1.1", "1.1.1l-r7", "openssl"],
  ["libssl1.1", "1.1.1l-r7", "openssl"],
  ["zlib", "1.2.11-r3", "zlib"],
  ["apk-tools", "2.12.7-r3", "apk-tools"],
  ["xz-libs", "5.2.5-r0", "xz"],
];

describe("end to end — Alpine 3.15 with an old OpenSSL", () => {
  it("finds exactly the feed's CVEs for the installed versions, matched by origin", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [...ALPINE_315, file("lib/apk/db/installed", apkDb(oldAlpine))] }] });
    const scan = ok(await scanImage(store, image.digest, { advisories: feed }));
    expect(scan.os).toMatchObject({ id: "alpine", versionId: "3.15.0" });
    expect(rows(scan)).toEqual([
      "CRITICAL CVE-2022-37434 zlib 1.2.11-r3 -> 1.2.12-r2",
      "HIGH CVE-2018-25032 zlib 1.2.11-r3 -> 1.2.12-r0",
      "HIGH CVE-2022-0778 libcrypto1.1 1.1.1l-r7 -> 1.1.1n-r0",
      "HIGH CVE-2022-0778 libssl1.1 1.1.1l-r7 -> 1.1.1n-r0",
      "HIGH CVE-2022-1271 xz-libs 5.2.5-r0 -> 5.2.5-r1",
    ]);
    const openssl = scan.findings.find((f) => f.packageName === "libssl1.1")!;
    expect(openssl.aliases).toEqual(["ALPINE-CVE-2022-0778"]);
    expect(openssl.uri).toBe("https://security.alpinelinux.org/vuln/CVE-2022-0778");
    expect(openssl.description).toMatch(/BN_mod_sqrt/);
    expect(openssl.ecosystem).toBe("Alpine:v3.15");
  });

  it("an upgrade layer on top clears what it fixed, and findings follow the surviving database", async () => {
    const store = memoryBlobStore();
    const upgraded = oldAlpine.map(([n, v, o]): [string, string, string] => (o === "openssl" ? [n, "1.1.1n-r0", o] : o === "zlib" ? [n, "1.2.12-r2", o] : [n, v, o]));
    const image = await putImage(store, {
      layers: [{ entries: [...ALPINE_315, file("lib/apk/db/installed", apkDb(oldAlpine))] }, { entries: [file("lib/apk/db/installed", apkDb(upgraded))], compression: zstdAvailable() ? "zstd" : "gzip" }],
    });
    const scan = ok(await scanImage(store, image.digest, { advisories: feed }));
    expect(rows(scan)).toEqual(["HIGH CVE-2022-1271 xz-libs 5.2.5-r0 -> 5.2.5-r1"]);
    const layerOf = (name: string) => image.layerDigests.indexOf(scan.packages.find((p) => p.name === name)!.layerDigest);
    expect([layerOf("musl"), layerOf("libssl1.1"), layerOf("zlib")]).toEqual([0, 1, 1]);
  });

  it("the same packages on Alpine 3.18 match nothing: advisories are per release", async () => {
    const store = memoryBlobStore();
    const release = file("etc/os-release", 'ID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME="Alpine Linux v3.18"\n');
    const image = await putImage(store, { layers: [{ entries: [release, file("lib/apk/db/installed", apkDb(oldAlpine))] }] });
    expect(ok(await scanImage(store, image.digest, { advisories: feed })).findings).toEqual([]);
  });
});

describe("end to end — Debian", () => {
  it("Debian 11: matches by source package and backported fix versions", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        {
          entries: [
            file("usr/lib/os-release", 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nVERSION_ID="11"\nID=debian\n'),
            symlink("etc/os-release", "../usr/lib/os-release"),
            file(
              "var/lib/dpkg/status",
              dpkgStatus([
                ["libc6", "2.31-13+deb11u3", "glibc"],
                ["libssl1.1", "1.1.1k-1+deb11u1", "openssl"],
                ["openssl", "1.1.1k-1+deb11u2", null],
                ["zlib1g", "1:1.2.11.dfsg-2", "zlib"],
                ["gzip", "1.10-4", null],
                ["liblzma5", "5.2.5-2.1~deb11u1", "xz-utils"],
                ["xz-utils", "5.2.5-2", null],
                ["sudo", "1.9.5p2-3", null],
              ]),
            ),
          ],
        },
      ],
    });
    const scan = ok(await scanImage(store, image.digest, { advisories: feed }));
    expect(scan.packages.every((p) => p.ecosystem === "Debian:11")).toBe(true);
    expect(rows(scan)).toEqual([
      "CRITICAL CVE-2022-37434 zlib1g 1:1.2.11.dfsg-2 -> 1:1.2.11.dfsg-2+deb11u2",
      "HIGH CVE-2018-25032 zlib1g 1:1.2.11.dfsg-2 -> 1:1.2.11.dfsg-2+deb11u1",
      "HIGH CVE-2022-0778 libssl1.1 1.1.1k-1+deb11u1 -> 1.1.1k-1+deb11u2",
      "HIGH CVE-2022-1271 gzip 1.10-4 -> 1.10-4+deb11u1",
      "HIGH CVE-2022-1271 xz-utils 5.2.5-2 -> 5.2.5-2.1~deb11u1",
    ]);
  });

  it("Debian 12: glibc and OpenSSH advisories, fixed versions excluded", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        { entries: [file("etc/os-release", 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nID=debian\n'), file("var/lib/dpkg/status", dpkgStatus([["libc6", "2.36-9+deb12u1", "glibc"], ["openssh-client", "1:9.2p1-2+deb12u2", "openssh"]]))] },
        { entries: [file("var/lib/dpkg/status", dpkgStatus([["libc6", "2.36-9+deb12u3", "glibc"], ["openssh-client", "1:9.2p1-2+deb12u2", "openssh"], ["zlib1g", "1:1.2.13.dfsg-1", "zlib"]]))] },
      ],
    });
    const scan = ok(await scanImage(store, image.digest, { advisories: feed }));
    expect(rows(scan)).toEqual(["HIGH CVE-2024-6387 openssh-client 1:9.2p1-2+deb12u2 -> 1:9.2p1-2+deb12u3"]);
  });
});
