// Handlers that the app's own node:http server (scripts/serve.mjs) calls before Next.js sees a
// request. The server is plain JavaScript that Next does not bundle, so a route module registers
// its handler here when Next first loads it: the server then calls into that same module
// instance, which shares the database connection, upload state and error classes with everything
// else Next serves. Until then (the server warms the route up at start), Next serves the path.
import type { IncomingMessage, ServerResponse } from "node:http";

export type NodeRouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The path prefixes a route may claim. */
export type NodeRoutePrefix = "/v2";

const REGISTRY = Symbol.for("dockyard.node-routes");

type Registry = Partial<Record<NodeRoutePrefix, NodeRouteHandler>>;

export function registerNodeRoute(prefix: NodeRoutePrefix, handler: NodeRouteHandler): void {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] = { ...holder[REGISTRY], [prefix]: handler };
}
