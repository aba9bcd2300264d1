// The blob-store contract: every backend runs this suite (distribution's testsuites pattern).
// Each case names the guarantee it checks. After each case the store must be empty again.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BlobStore } from "@/lib/blobstore/blob-store";

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

async function* chunks(...parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield p;
}

/**
 * A slow destination that looks at each chunk only just before it reports the chunk taken, as a
 * socket may: a store that reused a buffer too early would corrupt what it collects.
 */
function slowSink(options: { failAfterBytes?: number } = {}) {
  const parts: Buffer[] = [];
  let taken = 0;
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      setTimeout(() => {
        taken += chunk.length;
        if (options.failAfterBytes !== undefined && taken > options.failAfterBytes) return done(new Error("peer went away"));
        parts.push(Buffer.from(chunk));
        done();
      }, 5);
    },
  });
  sink.on("error", () => undefined); // reported through copyTo's rejection, as a socket's would be
  return { sink, bytes: () => Buffer.concat(parts), ended: () => sink.writableFinished };
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "no error",
    (e: unknown) => (e as Error).name,
  );
}

export function describeBlobStoreContract(name: string, makeStore: () => Promise<{ store: BlobStore; cleanup(): Promise<void> }>) {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      const left = (await store.list("t")).concat(await store.list("other"));
      await store.delete("t");
      await store.delete("other");
      await cleanup();
      expect(left, "a test left keys behind").toEqual([]);
    });

    for (const [label, size] of [["0 B", 0], ["1 B", 1], ["1 MiB", 1024 * 1024]] as const) {
      it(`put then get returns the same ${label}`, async () => {
        const data = randomBytes(size);
        await store.put("t/value", data);
        expect((await store.get("t/value")).equals(data)).toBe(true);
        expect(await store.stat("t/value")).toMatchObject({ size });
        expect((await readAll(await store.read("t/value"))).equals(data)).toBe(true);
        await store.delete("t/value");
      });
    }

    it("stores bytes that are not valid UTF-8 unchanged", async () => {
      const data = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]);
      await store.put("t/binary", data);
      expect((await store.get("t/binary")).equals(data)).toBe(true);
      await store.delete("t/binary");
    });

    it("stat of a missing key is null; read and get of it fail with BlobPathNotFound", async () => {
      expect(await store.stat("t/missing")).toBeNull();
      expect(await errorCode(store.read("t/missing"))).toBe("BlobPathNotFound");
      expect(await errorCode(store.get("t/missing"))).toBe("BlobPathNotFound");
    });

    it("append creates the key, appends in order, reports each chunk and the bytes written", async () => {
      const seen: number[] = [];
      expect(await store.append("t/up", chunks(Buffer.from("ab"), Buffer.from("c")), (c) => seen.push(c.byteLength))).toBe(3);
      expect(await store.append("t/up", chunks(Buffer.from("def")))).toBe(3);
      expect((await store.get("t/up")).toString()).toBe("abcdef");
      expect(seen).toEqual([2, 1]);
      await store.delete("t/up");
    });

    it("a zero-byte append creates an empty value that can be appended to", async () => {
      expect(await store.append("t/empty", chunks())).toBe(0);
      expect(await store.stat("t/empty")).toMatchObject({ size: 0 });
      await store.append("t/empty", chunks(Buffer.from("x")));
      expect((await store.get("t/empty")).toString()).toBe("x");
      await store.delete("t/empty");
    });

    it("append keeps what was written before the stream failed", async () => {
      async function* failing() {
        yield Buffer.from("keep");
        throw new Error("client went away");
      }
      await expect(store.append("t/partial", failing())).rejects.toThrow("client went away");
      expect((await store.get("t/partial")).toString()).toBe("keep");
      await store.delete("t/partial");
    });

    it("reads an inclusive range and clamps an end past the size", async () => {
      await store.put("t/r", Buffer.from("0123456789"));
      expect((await readAll(await store.read("t/r", { start: 2, end: 4 }))).toString()).toBe("234");
      expect((await readAll(await store.read("t/r", { start: 8, end: 100 }))).toString()).toBe("89");
      await store.delete("t/r");
    });

    it("reading at an offset past the end fails with BlobOffsetInvalid", async () => {
      await store.put("t/r", Buffer.from("abc"));
      expect(await errorCode(store.read("t/r", { start: 3, end: 5 }))).toBe("BlobOffsetInvalid");
      expect(await errorCode(store.read("t/r", { start: 2, end: 1 }))).toBe("BlobOffsetInvalid");
      await store.delete("t/r");
    });

    it("open reports the delivered length; copyTo hands a slow destination every byte in order and ends it", async () => {
      const data = randomBytes(6 * 1024 * 1024 + 12345); // more chunks than a store keeps buffers
      await store.put("t/big", data);
      const whole = await store.open("t/big");
      expect(whole.length).toBe(data.length);
      const all = slowSink();
      await whole.copyTo(all.sink);
      expect(all.bytes().equals(data)).toBe(true);
      expect(all.ended()).toBe(true);
      const part = await store.open("t/big", { start: 1024 * 1024 - 3, end: 2 * 1024 * 1024 + 5 });
      expect(part.length).toBe(1024 * 1024 + 9);
      const some = slowSink();
      await part.copyTo(some.sink);
      expect(some.bytes().equals(data.subarray(1024 * 1024 - 3, 2 * 1024 * 1024 + 6))).toBe(true);
      expect(await readAll((await store.open("t/big", { start: data.length - 2, end: data.length + 100 })).stream())).toEqual(data.subarray(data.length - 2));
      await store.delete("t/big");
    });

    it("copyTo of an empty value ends the destination without bytes", async () => {
      await store.put("t/empty", Buffer.alloc(0));
      const opened = await store.open("t/empty");
      expect(opened.length).toBe(0);
      const out = slowSink();
      await opened.copyTo(out.sink);
      expect(out.bytes().length).toBe(0);
      expect(out.ended()).toBe(true);
      await store.delete("t/empty");
    });

    it("open fails like read before delivering anything; a failing destination rejects copyTo", async () => {
      await store.put("t/o", randomBytes(2 * 1024 * 1024));
      expect(await errorCode(store.open("t/missing"))).toBe("BlobPathNotFound");
      expect(await errorCode(store.open("t/o", { start: 2 * 1024 * 1024, end: 2 * 1024 * 1024 }))).toBe("BlobOffsetInvalid");
      const failing = slowSink({ failAfterBytes: 100 });
      await expect((await store.open("t/o")).copyTo(failing.sink)).rejects.toThrow();
      await (await store.open("t/o")).close();
      // Nothing is left open or locked: the value can still be read and deleted.
      expect((await store.get("t/o")).length).toBe(2 * 1024 * 1024);
      await store.delete("t/o");
    });

    it("serves concurrent readers the same bytes", async () => {
      const data = randomBytes(256 * 1024);
      await store.put("t/shared", data);
      const results = await Promise.all(Array.from({ length: 8 }, async () => readAll(await store.read("t/shared"))));
      for (const r of results) expect(r.equals(data)).toBe(true);
      await store.delete("t/shared");
    });

    it("move renames, replaces an existing target, and fails for a missing source", async () => {
      await store.put("t/a", Buffer.from("new"));
      await store.put("t/deep/b", Buffer.from("old"));
      await store.move("t/a", "t/deep/b");
      expect((await store.get("t/deep/b")).toString()).toBe("new");
      expect(await store.stat("t/a")).toBeNull();
      expect(await errorCode(store.move("t/a", "t/c"))).toBe("BlobPathNotFound");
      await store.delete("t/deep");
    });

    it("delete removes a key or a whole prefix and ignores what is absent", async () => {
      await store.put("t/x/1", Buffer.from("1"));
      await store.put("t/x/2/3", Buffer.from("3"));
      await store.put("t/xy", Buffer.from("sibling"));
      await store.delete("t/x");
      expect(await store.list("t")).toEqual(["t/xy"]);
      await store.delete("t/never-existed");
      await store.delete("t/xy");
    });

    it("list returns every key under a prefix, sorted, and nothing for an absent prefix", async () => {
      await store.put("t/b", Buffer.from(""));
      await store.put("t/a/2", Buffer.from(""));
      await store.put("t/a/1", Buffer.from(""));
      await store.put("other/z", Buffer.from(""));
      expect(await store.list("t")).toEqual(["t/a/1", "t/a/2", "t/b"]);
      expect(await store.list("nothing")).toEqual([]);
      await store.delete("t");
      await store.delete("other");
    });

    it("rejects keys that could escape the store with BlobPathInvalid", async () => {
      for (const bad of ["../x", "t/../../etc/passwd", "/abs", "t//x", "t/./x", "", "t/x/"]) {
        expect(await errorCode(store.put(bad, Buffer.from("x")))).toBe("BlobPathInvalid");
      }
    });
  });
}
