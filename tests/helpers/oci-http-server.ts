// A bare HTTP server around the registry's node:http face on the data directory in DOCKYARD_DATA_DIR,
// for tests that must kill and restart the registry process. With SEED=1 it first creates a learner, a
// repository and a token. It prints one JSON line ({port, password?}) once it listens.
import { createServer } from "node:http";
import { getDeps } from "@/lib/core/deps";
import { createUser } from "@/lib/auth/users";
import { issueRegistryToken } from "@/lib/auth/registry-tokens";
import { createRepository } from "@/lib/registry/repositories";
import { handleOciNodeRequest } from "@/lib/oci/node-face";

const deps = getDeps();
let password: string | undefined;
if (process.env.SEED === "1") {
  const user = await createUser(deps, { email: "crash@example.com", password: "crash long password" });
  await createRepository(deps, user.accountId, "crash/app");
  password = (await issueRegistryToken(deps, user.id)).password;
}

const server = createServer((req, res) => void handleOciNodeRequest(deps, req, res));
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0, password })}\n`);
});
