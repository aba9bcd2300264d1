import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fsBlobStore } from "@/lib/blobstore/fs-blob-store";
import { memoryBlobStore } from "@/lib/blobstore/memory-blob-store";
import { describeBlobStoreContract } from "../helpers/blob-store-contract";

describeBlobStoreContract("filesystem", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dockyard-blobs-"));
  return { store: fsBlobStore(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describeBlobStoreContract("memory", async () => ({ store: memoryBlobStore(), cleanup: async () => {} }));
