// A bare HTTP server around handleOciRequest on the data directory in DOCKYARD_DATA_DIR, for tests
// that must kill and restart the registry process. With SEED=1 it first creates a learner, a
// repository and a token. It prints one JSON line ({port, password?}) once it listens.
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { getDeps } from "@/lib/core/deps";
import { createUser } from "@/lib/auth/users";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { createRepository } from "@/lib/registry/repositories";
import { handleOciRequest } from "@/lib/oci/handler";

const deps = getDeps();
let password: string | undefined;
if (process.env.SEED === "1") {
  const user = await createUser(deps, { email: "crash@example.com", password: "crash long password" });
  await createRepository(deps, user.accountId, "crash/app");
  password = (await issueRegistryToken(deps, user.id)).password;
}

const server = createServer((req, res) => {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
    method: req.method ?? "GET",
    headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(", ") : v] as [string, string]])),
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
  handleOciRequest(deps, request).then(async (response) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>).pipe(res);
    else res.end();
  }, (error: unknown) => {
    res.writeHead(500);
    res.end(String(error));
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0, password })}\n`);
});
