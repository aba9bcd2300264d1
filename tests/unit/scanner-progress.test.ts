// scanImage's progress callback (compressed layer bytes read of the total the manifests declare)
// and the throttled in-memory record the console polls (lib/ecr/scanning/scan-progress.ts).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryBlobStore } from "@/lib/blobstore/memory-blob-store";
import { clearProgress, progressOf, progressRecorder } from "@/lib/ecr/scanning/scan-progress";
import { scanImage } from "@/lib/scanner";
import type { ScanProgress } from "@/lib/scanner";
import { file, putImage, putIndex } from "../helpers/rootfs-image";

const ALPINE = file("etc/os-release", 'ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n');
const APK = file("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\n");

/** Layers of random (incompressible) bytes, so they arrive in several chunks. */
const bulky = (n: number) => ({ entries: [file(`opt/data-${n}.bin`, randomBytes(300_000))], compression: "none" as const });

describe("scanImage onProgress", () => {
  it("reports compressed bytes read, rising to the total of the layer sizes", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [ALPINE, APK] }, bulky(1), bulky(2)] });
    const seen: ScanProgress[] = [];
    const result = await scanImage(store, image.digest, { onProgress: (p) => seen.push(p) });
    if (!result.ok) throw new Error(result.description);

    expect(seen.length).toBeGreaterThan(1);
    const total = seen[0]!.totalBytes;
    expect(seen.every((p) => p.totalBytes === total)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytesRead).toBeGreaterThan(seen[i - 1]!.bytesRead);
    expect(seen.at(-1)!.bytesRead).toBe(total);
    expect(total).toBe(result.bytesRead);
    expect(total).toBeGreaterThan(600_000);
  });

  it("counts every platform of an index in one total", async () => {
    const store = memoryBlobStore();
    const amd = await putImage(store, { layers: [{ entries: [ALPINE, APK] }, bulky(1)] });
    const arm = await putImage(store, { layers: [{ entries: [ALPINE, APK] }, bulky(2)], platform: { os: "linux", architecture: "arm64" } });
    const index = await putIndex(store, [
      { image: amd, platform: { os: "linux", architecture: "amd64" } },
      { image: arm, platform: { os: "linux", architecture: "arm64" } },
    ]);
    const seen: ScanProgress[] = [];
    const result = await scanImage(store, index, { onProgress: (p) => seen.push(p) });
    if (!result.ok) throw new Error(result.description);
    expect(seen.at(-1)).toEqual({ bytesRead: result.bytesRead, totalBytes: result.bytesRead });
    // The total is known before the first platform is read, so the bar never jumps back.
    expect(seen[0]!.totalBytes).toBe(result.bytesRead);
  });

  it("never fails a scan when the callback throws", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [ALPINE, APK] }, bulky(1)] });
    const result = await scanImage(store, image.digest, {
      onProgress: () => {
        throw new Error("display broke");
      },
    });
    expect(result.ok && result.kind === "image" && result.packages.map((p) => p.name)).toEqual(["musl"]);
  });

  it("is optional: the same scan without it", async () => {
    const store = memoryBlobStore();
    const image = await putImage(store, { layers: [{ entries: [ALPINE, APK] }] });
    const result = await scanImage(store, image.digest);
    expect(result.ok && result.kind === "image" && result.packages.map((p) => p.name)).toEqual(["musl"]);
  });
});

describe("progressRecorder", () => {
  it("records once per whole percent and always the end", () => {
    const record = progressRecorder("scan-1");
    expect(progressOf("scan-1")).toEqual({ bytesRead: 0, totalBytes: 0 });
    record({ bytesRead: 50, totalBytes: 10_000 });
    expect(progressOf("scan-1")).toEqual({ bytesRead: 50, totalBytes: 10_000 });
    record({ bytesRead: 99, totalBytes: 10_000 });
    expect(progressOf("scan-1")!.bytesRead).toBe(50);
    record({ bytesRead: 100, totalBytes: 10_000 });
    expect(progressOf("scan-1")!.bytesRead).toBe(100);
    record({ bytesRead: 199, totalBytes: 10_000 });
    expect(progressOf("scan-1")!.bytesRead).toBe(100);
    record({ bytesRead: 9_999, totalBytes: 10_000 });
    expect(progressOf("scan-1")!.bytesRead).toBe(9_999);
    record({ bytesRead: 10_000, totalBytes: 10_000 });
    expect(progressOf("scan-1")).toEqual({ bytesRead: 10_000, totalBytes: 10_000 });
    clearProgress("scan-1");
    expect(progressOf("scan-1")).toBeNull();
  });
});
