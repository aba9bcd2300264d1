// How `npm start` runs the server process, shared with the benchmarks so that they measure the
// server as it ships.
//  - A larger young generation keeps V8's scavenges rare: per-request garbage (Prisma rows, JSON)
//    otherwise adds several milliseconds to the slowest API calls (scripts/bench-ecr-api.mjs).
//  - glibc gives each thread that allocates its own malloc arena; the libuv threads writing and
//    hashing blob uploads each grew one that was never returned, so RSS crept up push after push
//    (306 MiB peak in scripts/bench-registry.mjs; 239–279 MiB with two arenas).
export const SERVER_NODE_FLAGS = "--max-semi-space-size=64";
export const SERVER_MALLOC_ARENA_MAX = "2";

/** The environment for the server process: `env` plus the flags above unless `env` sets its own. */
export function serverEnvironment(env = process.env) {
  const nodeOptions = [env.NODE_OPTIONS, /max-semi-space-size/.test(env.NODE_OPTIONS ?? "") ? "" : SERVER_NODE_FLAGS].filter(Boolean).join(" ");
  return { ...env, NODE_OPTIONS: nodeOptions, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? SERVER_MALLOC_ARENA_MAX };
}
