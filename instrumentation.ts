// Next.js start-up hook: starts background maintenance in the Node.js server process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startBackgroundJobs }, { getDeps }] = await Promise.all([import("./lib/jobs/background-jobs"), import("./lib/core/deps")]);
  startBackgroundJobs(getDeps);
}
