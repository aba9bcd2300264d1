// Applies pending database migrations (also done automatically on first use by the app and CLI).
import path from "node:path";
import { getConfig } from "@/lib/core/env";
import { migrateDatabase } from "@/lib/db/migrate";

const config = getConfig();
const result = migrateDatabase(config.databaseFile, path.join(process.cwd(), "prisma", "migrations"));
console.log(`dockyard: database ${config.databaseFile}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied} already up to date.`);
