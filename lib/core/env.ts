// The one place that reads process.env. Everything else receives configuration from here.
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Root of everything Dockyard writes: the SQLite database and (later) registry blobs. */
  DOCKYARD_DATA_DIR: z.string().min(1).optional(),
  /** Overrides the SQLite location; must be a file: URL. */
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "DATABASE_URL must be a SQLite file: URL such as file:./data/dockyard.db")
    .optional(),
  /** Mark session cookies Secure. Defaults to on in production when served over HTTPS (see cookies). */
  DOCKYARD_SECURE_COOKIES: z.enum(["auto", "always", "never"]).default("auto"),
  /** Optional first instructor, created by `npm start` when both are set (see lib/auth/seed-admin.ts). */
  DOCKYARD_ADMIN_EMAIL: z.string().optional(),
  DOCKYARD_ADMIN_PASSWORD: z.string().optional(),
  /** Per-account registry quotas. */
  DOCKYARD_QUOTA_STORAGE_MIB: z.coerce.number().int().positive().default(10 * 1024),
  DOCKYARD_QUOTA_REPOSITORIES: z.coerce.number().int().positive().default(100),
  DOCKYARD_QUOTA_UPLOAD_MIB: z.coerce.number().int().positive().default(5 * 1024),
});

export type RegistryLimits = {
  /** Bytes of distinct blobs an account may store. */
  maxStoredBytes: number;
  maxRepositories: number;
  /** Largest single blob upload. */
  maxUploadBytes: number;
  /** Unfinished uploads are removed after this long without activity. */
  uploadExpiryMs: number;
};

export type AppConfig = {
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  databaseFile: string;
  secureCookies: "auto" | "always" | "never";
  admin: { email: string; password: string } | null;
  registry: RegistryLimits;
};

let cached: AppConfig | undefined;

/** Parses the environment once; a bad value stops the process with a message naming the variable. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (cached && env === process.env) return cached;
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${details}`);
  }
  const e = parsed.data;
  // The data location is chosen at run time, so the bundler must not trace it.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DOCKYARD_DATA_DIR ?? path.join(process.cwd(), "data"));
  const databaseFile = e.DATABASE_URL ? path.resolve(/*turbopackIgnore: true*/ e.DATABASE_URL.slice("file:".length)) : path.join(dataDir, "dockyard.db");
  const admin = e.DOCKYARD_ADMIN_EMAIL && e.DOCKYARD_ADMIN_PASSWORD ? { email: e.DOCKYARD_ADMIN_EMAIL, password: e.DOCKYARD_ADMIN_PASSWORD } : null;
  const registry: RegistryLimits = {
    maxStoredBytes: e.DOCKYARD_QUOTA_STORAGE_MIB * 1024 * 1024,
    maxRepositories: e.DOCKYARD_QUOTA_REPOSITORIES,
    maxUploadBytes: e.DOCKYARD_QUOTA_UPLOAD_MIB * 1024 * 1024,
    uploadExpiryMs: 24 * 60 * 60 * 1000,
  };
  const config: AppConfig = { nodeEnv: e.NODE_ENV, dataDir, databaseFile, secureCookies: e.DOCKYARD_SECURE_COOKIES, admin, registry };
  if (env === process.env) cached = config;
  return config;
}
