// A registry process killed in the middle of a chunk upload: after a restart the upload reports
// the bytes that reached the disk, resumes from there, and completes with the right digest.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "dockyard-crash-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(seed: boolean): Promise<{ child: ChildProcess; port: number; password?: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/oci-http-server.ts"], { env: { ...process.env, DOCKYARD_DATA_DIR: dataDir, SEED: seed ? "1" : "0" }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve({ child, ...(JSON.parse(line) as { port: number; password?: string }) });
    });
    child.on("exit", (code) => reject(new Error(`server exited early (${code})`)));
  });
}

const auth = (password: string) => ({ Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString("base64")}` });

it("resumes an upload after the server is killed mid-chunk", async () => {
  const first = await startServer(true);
  const password = first.password!;
  const base = `http://127.0.0.1:${first.port}`;
  const data = randomBytes(6 * 1024 * 1024);
  const digest = `sha256:${createHash("sha256").update(data).digest("hex")}`;

  const started = await fetch(`${base}/v2/crash/app/blobs/uploads/`, { method: "POST", headers: auth(password) });
  expect(started.status).toBe(202);
  const location = started.headers.get("location")!;

  // Stream the first 4 MiB slowly, and kill the server once some of it is on disk.
  const chunk = request(`${base}${location}`, { method: "PATCH", headers: { ...auth(password), "Content-Type": "application/octet-stream", "Content-Range": `0-${4 * 1024 * 1024 - 1}`, "Content-Length": String(4 * 1024 * 1024) } });
  chunk.on("error", () => {}); // the connection dies with the server
  for (let sent = 0; sent < 2 * 1024 * 1024; sent += 256 * 1024) {
    chunk.write(data.subarray(sent, sent + 256 * 1024));
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 300));
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));

  const second = await startServer(false);
  const base2 = `http://127.0.0.1:${second.port}`;
  const status = await fetch(`${base2}${location}`, { headers: auth(password) });
  expect(status.status).toBe(204);
  const received = Number(/^0-(\d+)$/.exec(status.headers.get("range") ?? "")?.[1] ?? -1) + 1;
  expect(received).toBeGreaterThan(0);
  expect(received).toBeLessThanOrEqual(2 * 1024 * 1024);

  // Resuming from anywhere else is refused with the offset to use; from there it completes.
  const wrong = await fetch(`${base2}${location}`, { method: "PATCH", headers: { ...auth(password), "Content-Type": "application/octet-stream", "Content-Range": `${received + 1}-${received + 10}` }, body: data.subarray(received + 1, received + 11) });
  expect(wrong.status).toBe(416);
  const rest = await fetch(`${base2}${location}`, { method: "PATCH", headers: { ...auth(password), "Content-Type": "application/octet-stream", "Content-Range": `${received}-${data.length - 1}` }, body: data.subarray(received) });
  expect(rest.status).toBe(202);
  const done = await fetch(`${base2}${rest.headers.get("location")}${rest.headers.get("location")!.includes("?") ? "&" : "?"}digest=${digest}`, { method: "PUT", headers: auth(password) });
  expect(done.status).toBe(201);
  const blob = await fetch(`${base2}/v2/crash/app/blobs/${digest}`, { headers: auth(password) });
  expect(Buffer.from(await blob.arrayBuffer()).equals(data)).toBe(true);
}, 60_000);
