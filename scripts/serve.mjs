#!/usr/bin/env node
// The app's production server (what `npm start` runs): Next.js behind a node:http server that
// hands /v2 (the OCI registry) to the registry's node:http face instead of Next's route handler.
// Next hands route handlers the upload as a web stream that copies every chunk, and wants a web
// stream back for a download; served on node:http, the upload is read from the socket as it
// arrives and a blob is copied to the socket through reused buffers, which took the server's user CPU
// time for 1 GiB of blobs pulled eight at a time from 0.7–3.2 s to 0.15–0.4 s.
// The registry code is TypeScript that Next compiles, so the route module registers its handler
// in a process-wide table (lib/server/node-routes.ts) when Next first loads it; one request to
// /v2/ at start-up loads it. Until then, and for anything else, Next serves the request.
// Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (PORT from the environment too; HOSTNAME is
// not read: containers set it to their own name, which is not an address to listen on)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`dockyard: the port must be a whole number from 0 to 65535 (got "${values.port ?? process.env.PORT}").`);
  process.exit(2);
}
const hostname = values.hostname;
const NODE_ROUTES = Symbol.for("dockyard.node-routes");

const app = next({ dev: false, dir: process.cwd(), port, ...(hostname ? { hostname } : {}) });
const handleWithNext = app.getRequestHandler();
await app.prepare();

/** "/v2", "/v2/…" and "/v2?…" are the registry's; "/v2x" is not. */
const isRegistryPath = (url = "") => url === "/v2" || url.startsWith("/v2/") || url.startsWith("/v2?");

const server = createServer((req, res) => {
  const registry = isRegistryPath(req.url) ? globalThis[NODE_ROUTES]?.["/v2"] : undefined;
  if (registry) {
    registry(req, res).catch((error) => {
      console.error("registry: unexpected error", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" }).end('{"errors":[{"code":"UNKNOWN","message":"The registry hit an internal error."}]}');
      else res.destroy();
    });
    return;
  }
  handleWithNext(req, res).catch((error) => {
    console.error("server: unexpected error", error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

server.on("error", (error) => {
  console.error(`dockyard: cannot listen on ${hostname ?? "all interfaces"}, port ${port}: ${error.code === "EADDRINUSE" ? "the port is in use (set PORT to another one)" : error.message}`);
  process.exit(1);
});

server.listen(port, hostname, async () => {
  console.log(`dockyard: ready on http://${hostname ?? "localhost"}:${port}`);
  // Load the registry route (see the header). A wildcard listen address is reached on loopback.
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  try {
    await (await fetch(`http://${host.includes(":") ? `[${host}]` : host}:${port}/v2/`)).arrayBuffer();
  } catch (error) {
    console.error("dockyard: could not load the registry route at start-up; Next.js serves /v2 until it is loaded.", error);
  }
  if (!globalThis[NODE_ROUTES]?.["/v2"]) console.error("dockyard: the registry's node:http face is not registered; Next.js serves /v2.");
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close().finally(() => process.exit(0));
  });
}
