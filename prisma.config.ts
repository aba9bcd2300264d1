// Prisma CLI configuration (the app itself never runs the CLI; see lib/db/migrate.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";

const dataDir = process.env.DOCKYARD_DATA_DIR ?? path.join(process.cwd(), "data");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "dockyard.db")}` },
});
