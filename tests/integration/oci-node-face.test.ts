// The registry's node:http face (what `npm start` serves /v2 with), over real HTTP on 127.0.0.1:
// bodies streamed from the socket, blobs copied to it through reused buffers, HEAD without a
// body, clients that go away in the middle, and no file handle left open afterwards.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readlinkSync } from "node:fs";
import http, { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { createRepository } from "@/lib/registry/repositories";
import { handleOciNodeRequest } from "@/lib/oci/node-face";
import { makeTestDeps } from "../helpers/test-deps";

const env = makeTestDeps();
const { deps } = env;
const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
let server: Server;
let base: string;
let auth: Record<string, string>;

beforeAll(async () => {
  const user = await createUser(deps, { email: "node@example.com", password: "node long password" });
  await createRepository(deps, user.accountId, "team/app");
  auth = { Authorization: `Basic ${Buffer.from(`AWS:${(await issueRegistryToken(deps, user.id)).password}`).toString("base64")}` };
  server = createServer((req, res) => void handleOciNodeRequest(deps, req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await env.cleanup();
});

const call = (method: string, pathname: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}) =>
  fetch(base + pathname, { method, headers: { ...auth, ...init.headers }, ...(init.body ? { body: new Uint8Array(init.body) } : {}) });

/** Files of the data directory this process holds open (sockets and the rest are not counted). */
const openDataFiles = () =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(path.join(deps.config.dataDir, "registry"));
    } catch {
      return false; // closed while listing
    }
  }).length;
const uploadsDir = () => path.join(deps.config.dataDir, "registry", "uploads");
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function pushMonolithic(bytes: Uint8Array) {
  const res = await call("POST", `/v2/team/app/blobs/uploads/?digest=${sha256(bytes)}`, { body: bytes, headers: { "Content-Type": "application/octet-stream" } });
  expect(res.status).toBe(201);
  return sha256(bytes);
}

describe("registry over node:http", () => {
  it("answers 401 with the Basic challenge and a JSON body of the stated length", async () => {
    const res = await fetch(`${base}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    const text = await res.text();
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text).errors[0].code).toBe("UNAUTHORIZED");
  });

  it("stores a 9 MiB monolithic push and serves it whole, by range and as HEAD", async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 7);
    const digest = await pushMonolithic(bytes);
    const get = await call("GET", `/v2/team/app/blobs/${digest}`);
    expect(get.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await call("GET", `/v2/team/app/blobs/${digest}`, { headers: { Range: "bytes=1048570-3145735" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1048570-3145735/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1048570, 3145736))).toBe(true);
    const head = await call("HEAD", `/v2/team/app/blobs/${digest}`);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect((await call("GET", `/v2/team/app/blobs/${digest}`, { headers: { Range: `bytes=${bytes.length}-` } })).status).toBe(416);
  });

  it("takes chunked PATCHes and a PUT without a body", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    let location = (await call("POST", "/v2/team/app/blobs/uploads/")).headers.get("location")!;
    for (let offset = 0; offset < bytes.length; offset += 1024 * 1024) {
      const res = await call("PATCH", location, { body: bytes.subarray(offset, offset + 1024 * 1024), headers: { "Content-Range": `${offset}-${offset + 1024 * 1024 - 1}` } });
      expect(res.status).toBe(202);
      location = res.headers.get("location")!;
    }
    const done = await call("PUT", `${location}?digest=${sha256(bytes)}`);
    expect(done.status).toBe(201);
    expect(Buffer.from(await (await call("GET", `/v2/team/app/blobs/${sha256(bytes)}`)).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("a wrong digest is 400 DIGEST_INVALID and leaves nothing behind", async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    const res = await call("POST", `/v2/team/app/blobs/uploads/?digest=${sha256(randomBytes(4))}`, { body: bytes });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].code).toBe("DIGEST_INVALID");
    expect((await call("HEAD", `/v2/team/app/blobs/${sha256(bytes)}`)).status).toBe(404);
    expect(existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []).toEqual([]);
  });

  it("a client that goes away mid-download leaves no file open, and the server serves on", async () => {
    const bytes = randomBytes(16 * 1024 * 1024);
    const digest = await pushMonolithic(bytes);
    await settle();
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${base}/v2/team/app/blobs/${digest}`, { headers: auth }, (res) => {
        res.once("data", () => {
          req.destroy(); // after the first chunk
          resolve();
        });
      });
      req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve() : reject(error)));
    });
    await settle();
    expect(openDataFiles()).toBe(0);
    expect(Buffer.from(await (await call("GET", `/v2/team/app/blobs/${digest}`)).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("a client that goes away mid-upload stores nothing, and the server serves on", async () => {
    const bytes = randomBytes(4 * 1024 * 1024);
    await new Promise<void>((resolve) => {
      const req = http.request(`${base}/v2/team/app/blobs/uploads/?digest=${sha256(bytes)}`, { method: "POST", headers: { ...auth, "Content-Length": String(bytes.length) } });
      req.on("error", () => resolve());
      req.write(bytes.subarray(0, 1024 * 1024), () => setTimeout(() => req.destroy(), 50));
      req.on("close", () => resolve());
    });
    await settle();
    expect((await call("HEAD", `/v2/team/app/blobs/${sha256(bytes)}`)).status).toBe(404);
    expect(await deps.db.blob.findUnique({ where: { digest: sha256(bytes) } })).toBeNull();
    expect(existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []).toEqual([]);
    expect(openDataFiles()).toBe(0);
    expect((await call("GET", "/v2/")).status).toBe(200);
  });
});
