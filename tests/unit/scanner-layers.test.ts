// Reading images layer by layer: whiteouts, opaque directories, index platforms, limits,
// hostile tar entries and unreadable data. Every image is built in memory and read through
// scanImage, the scanner's public entry point.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { memoryBlobStore } from "@/lib/blobstore/memory-blob-store";
import { scanImage, type ImageScan, type ImageScanResult, type ScanResult } from "@/lib/scanner";
import { compress, dir, fifo, file, hardlink, opaque, putBlob, putImage, putIndex, symlink, tarOf, whiteout, zstdAvailable, type Entry } from "../helpers/rootfs-image";

const ALPINE_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.4\nPRETTY_NAME="Alpine Linux v3.15"\n';
const DEBIAN_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';

function apkDb(...pkgs: [name: string, version: string, origin?: string][]): string {
  return pkgs.map(([name, version, origin]) => `C:Q1abc=\nP:${name}\nV:${version}\nA:x86_64\no:${origin ?? name}\nF:usr/lib\nR:lib${name}.so\n`).join("\n") + "\n";
}

const alpineBase: Entry[] = [
  file("usr/lib/os-release", ALPINE_RELEASE),
  symlink("etc/os-release", "../usr/lib/os-release"),
  file("lib/apk/db/installed", apkDb(["musl", "1.2.2-r7"], ["busybox", "1.34.1-r5"])),
  file("bin/busybox", "\x7fELF"),
];

function ok(result: ScanResult): ImageScan {
  if (!result.ok || result.kind !== "image") throw new Error(`expected an image result, got ${JSON.stringify(result)}`);
  return result;
}

function failed(result: ScanResult | ImageScanResult): { code: string; description: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result).slice(0, 300)}`);
  return result;
}

const names = (scan: ImageScan) => scan.packages.map((p) => `${p.name}-${p.version}`).sort();

describe("scanImage — reading layers", () => {
  it("follows /etc/os-release -> ../usr/lib/os-release and lists the Alpine installed database", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: alpineBase }] });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.os).toEqual({ id: "alpine", versionId: "3.15.4", prettyName: "Alpine Linux v3.15" });
    expect(names(scan)).toEqual(["busybox-1.34.1-r5", "musl-1.2.2-r7"]);
    expect(scan.packages.every((p) => p.ecosystem === "Alpine:v3.15" && p.manager === "apk")).toBe(true);
    expect(scan.platform).toEqual({ os: "linux", architecture: "amd64" });
    expect(scan.layersRead).toBe(1);
    expect(scan.bytesRead).toBeGreaterThan(0);
  });

  it("a whiteout in a later layer deletes the lower file; the same layer's own files survive", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        { entries: [...alpineBase, file("app/requirements.txt", "flask==2.0.0\n")] },
        // the whiteout hides the lower requirements.txt; the package-lock.json of this layer is unaffected
        { entries: [whiteout("app/requirements.txt"), file("app/package-lock.json", JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/lodash": { version: "4.17.20" } } }))] },
      ],
    });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.packages.filter((p) => p.manager === "pypi")).toEqual([]);
    expect(scan.packages.filter((p) => p.manager === "npm").map((p) => `${p.name}@${p.version}`)).toEqual(["lodash@4.17.20"]);
  });

  it("a file and its own whiteout in the same layer: the whiteout only applies to lower layers", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [{ entries: alpineBase }, { entries: [file("app/requirements.txt", "requests==2.25.0\n"), whiteout("app/requirements.txt")] }],
    });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.packages.filter((p) => p.manager === "pypi").map((p) => p.version)).toEqual(["2.25.0"]);
  });

  it("a whiteout of a directory removes everything below it", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: alpineBase }, { entries: [whiteout("lib/apk")] }] });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.packages).toEqual([]);
    expect(scan.os?.id).toBe("alpine");
  });

  it("an opaque directory hides every lower child but keeps what the same layer puts in it", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        { entries: [...alpineBase, file("app/requirements.txt", "flask==2.0.0\n"), file("app/sub/requirements.txt", "jinja2==3.0.0\n")] },
        { entries: [opaque("app"), file("app/requirements.txt", "flask==2.3.3\n")] },
      ],
    });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.packages.filter((p) => p.manager === "pypi").map((p) => `${p.name}==${p.version} (${p.path})`)).toEqual(["flask==2.3.3 (app/requirements.txt)"]);
  });

  it("a later layer's file or fifo replaces a lower directory or file at the same path", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [{ entries: alpineBase }, { entries: [file("lib/apk", "not a directory any more")] }, { entries: [fifo("usr/lib/os-release")] }],
    });
    const result = await scanImage(store, image.digest);
    expect(failed(result).code).toBe("UnsupportedImage");
  });

  it("records the layer that installed each package, and moves it when a later layer upgrades it", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        { entries: alpineBase },
        { entries: [file("lib/apk/db/installed", apkDb(["musl", "1.2.2-r7"], ["busybox", "1.34.1-r5"], ["libcrypto1.1", "1.1.1l-r8", "openssl"]))] },
        { entries: [file("lib/apk/db/installed", apkDb(["musl", "1.2.2-r7"], ["busybox", "1.34.1-r7"], ["libcrypto1.1", "1.1.1l-r8", "openssl"]))] },
        { entries: [file("etc/motd", "hello")] },
      ],
    });
    const scan = ok(await scanImage(store, image.digest));
    const layerOf = Object.fromEntries(scan.packages.map((p) => [p.name, image.layerDigests.indexOf(p.layerDigest)]));
    expect(layerOf).toEqual({ musl: 0, "libcrypto1.1": 1, busybox: 2 });
    expect(scan.packages.find((p) => p.name === "libcrypto1.1")?.source).toEqual({ name: "openssl", version: "1.1.1l-r8" });
  });

  it("falls back to /usr/lib/os-release when /etc/os-release is a symlink loop, and a hard link works too", async () => {
    const store = memoryBlobStore();
    const loop = await putImage(store, { layers: [{ entries: [file("usr/lib/os-release", DEBIAN_RELEASE), symlink("etc/os-release", "os-release2"), symlink("etc/os-release2", "/etc/os-release")] }] });
    expect(ok(await scanImage(store, loop.digest)).os?.id).toBe("debian");
    // the hard link keeps the content after the name it was linked to is whited out
    const linked = await putImage(store, {
      layers: [{ entries: [file("usr/lib/os-release", DEBIAN_RELEASE.replaceAll("12", "11")), hardlink("etc/os-release", "usr/lib/os-release")] }, { entries: [whiteout("usr/lib/os-release")] }],
    });
    expect(ok(await scanImage(store, linked.digest)).os?.versionId).toBe("11");
  });

  it("follows an absolute symlink and a symlinked directory on the way to os-release", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [{ entries: [file("usr/share/base/os-release", ALPINE_RELEASE), symlink("usr/lib", "/usr/share/base"), symlink("etc/os-release", "../../../usr/lib/os-release")] }],
    });
    expect(ok(await scanImage(store, image.digest)).os?.id).toBe("alpine");
  });
});

describe("scanImage — indexes", () => {
  it("scans each platform of a two-platform index on its own, skipping attestation entries", async () => {
    const store = memoryBlobStore();
    const amd64 = await putImage(store, { layers: [{ entries: alpineBase }] });
    const arm64 = await putImage(store, { layers: [{ entries: [file("etc/os-release", DEBIAN_RELEASE), file("var/lib/dpkg/status", "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u3\nSource: glibc\n\n")] }], platform: { os: "linux", architecture: "arm64", variant: "v8" } });
    const attestation = await putImage(store, { layers: [], configMediaType: "application/vnd.in-toto+json" });
    const index = await putIndex(store, [
      { image: amd64, platform: { os: "linux", architecture: "amd64" } },
      { image: arm64, platform: { os: "linux", architecture: "arm64", variant: "v8" } },
      { image: attestation, platform: { os: "unknown", architecture: "unknown" }, annotations: { "vnd.docker.reference.type": "attestation-manifest" } },
    ]);
    const result = await scanImage(store, index);
    if (!result.ok || result.kind !== "index") throw new Error("expected an index result");
    expect(result.platforms.map((p) => (p.ok ? `${p.platform?.architecture}:${p.os?.id}:${p.packages.length}` : p.code))).toEqual(["amd64:alpine:2", "arm64:debian:1"]);
    expect(result.layersRead).toBe(2);

    const arm = ok(await scanImage(store, index, { platform: { os: "linux", architecture: "arm64" } }));
    expect(arm.manifestDigest).toBe(arm64.digest);
    expect(arm.platform).toEqual({ os: "linux", architecture: "arm64", variant: "v8" });
    expect(arm.packages[0]).toMatchObject({ name: "libc6", ecosystem: "Debian:12", source: { name: "glibc", version: "2.36-9+deb12u3" } });
    expect(failed(await scanImage(store, index, { platform: { os: "linux", architecture: "s390x" } }))).toMatchObject({ code: "UnsupportedImage" });
  });

  it("one unreadable platform fails alone", async () => {
    const store = memoryBlobStore();
    const good = await putImage(store, { layers: [{ entries: alpineBase }] });
    const bad = await putImage(store, { layers: [{ raw: Buffer.from("definitely not gzip"), mediaType: "application/vnd.oci.image.layer.v1.tar+gzip" }] });
    const index = await putIndex(store, [
      { image: good, platform: { os: "linux", architecture: "amd64" } },
      { image: bad, platform: { os: "linux", architecture: "arm64" } },
    ]);
    const result = await scanImage(store, index);
    if (!result.ok || result.kind !== "index") throw new Error("expected an index result");
    expect(result.platforms.map((p) => (p.ok ? "ok" : p.code))).toEqual(["ok", "LayerUnreadable"]);
  });
});

describe("scanImage — limits", () => {
  it("stops at the per-layer entry limit", async () => {
    const store = memoryBlobStore();
    const many = Array.from({ length: 60 }, (_, i) => file(`data/f${i}`, "x"));
    const image = await putImage(store, { layers: [{ entries: [...alpineBase, ...many] }] });
    const failure = failed(await scanImage(store, image.digest, { limits: { maxEntriesPerLayer: 50 } }));
    expect(failure.code).toBe("LimitExceeded");
    expect(failure.description).toMatch(/more than 50 tar entries/);
    expect(ok(await scanImage(store, image.digest, { limits: { maxEntriesPerLayer: 64 } })).packages).toHaveLength(2);
  });

  it("refuses to buffer a wanted file over the per-file limit", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [...alpineBase, file("var/lib/dpkg/status", "Package: x\n".repeat(2000))] }] });
    const failure = failed(await scanImage(store, image.digest, { limits: { maxFileBytes: 4096 } }));
    expect(failure.code).toBe("LimitExceeded");
    expect(failure.description).toContain("/var/lib/dpkg/status is larger than the 4096-byte limit");
  });

  it("an unwanted large file is streamed past, whatever its size", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [...alpineBase, file("usr/bin/big", Buffer.alloc(64 * 1024, 7))] }] });
    expect(ok(await scanImage(store, image.digest, { limits: { maxFileBytes: 4096 } })).packages).toHaveLength(2);
  });

  it("stops a decompression bomb: a small gzip that inflates far beyond 100:1", async () => {
    const store = memoryBlobStore();
    const bomb = gzipSync(tarOf([file("zeros", Buffer.alloc(48 * 1024 * 1024))]), { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const image = await putImage(store, { layers: [{ entries: alpineBase }, { raw: bomb }] });
    const failure = failed(await scanImage(store, image.digest));
    expect(failure.code).toBe("LimitExceeded");
    expect(failure.description).toMatch(/decompression bomb/);
  });

  it("stops when all layers together decompress past the per-image limit", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: alpineBase }, { entries: [file("blob", Buffer.alloc(200_000, 1))], compression: "none" }] });
    const failure = failed(await scanImage(store, image.digest, { limits: { maxImageBytes: 100_000 } }));
    expect(failure).toMatchObject({ code: "LimitExceeded" });
    expect(failure.description).toMatch(/more than 100000 bytes/);
  });

  it("stops when the kept files together exceed the buffer limit", async () => {
    const store = memoryBlobStore();
    const locks = Array.from({ length: 8 }, (_, i) => file(`srv/app${i}/package-lock.json`, JSON.stringify({ lockfileVersion: 3, packages: {}, pad: "x".repeat(1000) })));
    const image = await putImage(store, { layers: [{ entries: [...alpineBase, ...locks] }] });
    expect(failed(await scanImage(store, image.digest, { limits: { maxBufferedBytes: 4000 } })).code).toBe("LimitExceeded");
  });
});

describe("scanImage — hostile and broken input", () => {
  it("ignores entries whose names climb out of the root, and normalises the rest", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, {
      layers: [
        {
          entries: [
            file("./usr/lib/os-release", ALPINE_RELEASE),
            symlink("/etc/os-release", "../usr/lib/os-release"),
            file("../../etc/os-release", DEBIAN_RELEASE),
            file("app/../../../lib/apk/db/installed", apkDb(["evil", "6.6.6"])),
            file("lib/x/../apk/db/installed", apkDb(["musl", "1.2.2-r7"])),
          ],
        },
      ],
    });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.os?.id).toBe("alpine");
    expect(names(scan)).toEqual(["musl-1.2.2-r7"]);
  });

  it("handles names that are not valid UTF-8, including their whiteouts", async () => {
    const store = memoryBlobStore();
    const odd = Buffer.concat([Buffer.from("srv/"), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from("/requirements.txt")]);
    const odd2 = Buffer.concat([Buffer.from("srv/"), Buffer.from([0xfe, 0xfe, 0x41]), Buffer.from("/requirements.txt")]);
    const image = await putImage(store, {
      layers: [
        { entries: [...alpineBase, { name: odd, content: "six==1.15.0\n" }, { name: odd2, content: "idna==2.10\n" }] },
        { entries: [{ name: Buffer.concat([Buffer.from("srv/"), Buffer.from([0xff, 0xfe, 0x41])]), type: "directory" }, { name: Buffer.concat([Buffer.from("srv/.wh."), Buffer.from([0xfe, 0xfe, 0x41])]), content: "" }] },
      ],
    });
    const scan = ok(await scanImage(store, image.digest));
    expect(scan.packages.filter((p) => p.manager === "pypi").map((p) => p.name)).toEqual(["six"]);
  });

  it("a scratch image (one static binary) is UnsupportedImage", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [file("app", "\x7fELF..."), dir("etc")] }] });
    expect(failed(await scanImage(store, image.digest)).code).toBe("UnsupportedImage");
  });

  it.each([
    ["corrupt gzip", () => { const gz = gzipSync(tarOf(alpineBase)); gz.fill(0x55, 20, 60); return gz; }, "application/vnd.oci.image.layer.v1.tar+gzip"],
    ["truncated gzip", () => gzipSync(tarOf(alpineBase)).subarray(0, 80), "application/vnd.oci.image.layer.v1.tar+gzip"],
    ["truncated tar", () => tarOf(alpineBase).subarray(0, 700), "application/vnd.oci.image.layer.v1.tar"],
    ["garbage declared as tar", () => Buffer.from("hello, this is not a tar archive at all".repeat(20)), "application/vnd.oci.image.layer.v1.tar"],
    ["plain bytes declared as gzip", () => tarOf(alpineBase), "application/vnd.oci.image.layer.v1.tar+gzip"],
    ["a zstd frame cut short", () => Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0x45, 0x00, 0x00]), "application/vnd.oci.image.layer.v1.tar+zstd"],
  ])("%s is LayerUnreadable, not a crash", async (_label, make, mediaType) => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ raw: make(), mediaType }] });
    const failure = failed(await scanImage(store, image.digest));
    expect(failure.code).toBe("LayerUnreadable");
    expect(failure.description).toContain(image.layerDigests[0]);
  });

  it("a layer missing from the blob store is LayerUnreadable; a missing or invalid manifest is ManifestUnreadable", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: alpineBase }] });
    await store.delete(`blobs/sha256/${image.layerDigests[0]!.slice(7, 9)}/${image.layerDigests[0]!.slice(7)}`);
    expect(failed(await scanImage(store, image.digest)).code).toBe("LayerUnreadable");
    expect(failed(await scanImage(store, `sha256:${"0".repeat(64)}`)).code).toBe("ManifestUnreadable");
    expect(failed(await scanImage(store, "latest")).code).toBe("ManifestUnreadable");
    const notJson = await putBlob(store, Buffer.from("{nope"));
    expect(failed(await scanImage(store, notJson.digest))).toMatchObject({ code: "ManifestUnreadable" });
  });

  it("magic bytes win over the media type: a gzip layer labelled plain tar still reads", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ raw: gzipSync(tarOf(alpineBase)), mediaType: "application/vnd.oci.image.layer.v1.tar" }, { entries: [file("etc/motd", "hi")], compression: "none" }] });
    expect(names(ok(await scanImage(store, image.digest)))).toEqual(["busybox-1.34.1-r5", "musl-1.2.2-r7"]);
  });

  it("a layer that is not a filesystem (an artifact blob) makes the image UnsupportedImage", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ raw: Buffer.from("{}"), mediaType: "application/vnd.cncf.helm.chart.content.v1.tar+gzip" }] });
    expect(failed(await scanImage(store, image.digest)).code).toBe("UnsupportedImage");
  });
});

describe.skipIf(!zstdAvailable() && process.env.CI !== "true")("scanImage — zstd layers (needs the zstd binary; required under CI=true)", () => {
  it("reads a real zstd layer like a gzip one, and stops a zstd bomb", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: alpineBase, compression: "zstd" }, { entries: [file("lib/apk/db/installed", apkDb(["musl", "1.2.3-r0"]))], compression: "zstd" }] });
    const scan = ok(await scanImage(store, image.digest));
    expect(names(scan)).toEqual(["musl-1.2.3-r0"]);
    const bomb = compress(tarOf([file("zeros", Buffer.alloc(32 * 1024 * 1024))]), "zstd");
    const bombed = await putImage(store, { layers: [{ raw: bomb, mediaType: "application/vnd.oci.image.layer.v1.tar+zstd" }] });
    expect(failed(await scanImage(store, bombed.digest))).toMatchObject({ code: "LimitExceeded" });
  });
});
