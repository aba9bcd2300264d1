// The registry host as the learner's clients should address it (what the browser used).
import { headers } from "next/headers";

export async function registryHost(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
}
