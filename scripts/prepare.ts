// `npm start` step 1: apply pending migrations, then seed: the optional first instructor, whose
// registry gets the sandbox images (known findings for demonstrating scans and for labs).
import path from "node:path";
import { getConfig } from "@/lib/core/env";
import { getDeps } from "@/lib/core/deps";
import { migrateDatabase } from "@/lib/db/migrate";
import { isDomainError } from "@/lib/core/errors";
import { seedInstructor } from "@/lib/auth/seed-admin";
import { findUserByEmail } from "@/lib/auth/users";
import { buildSandboxImages } from "@/lib/sandbox/sandbox-images";

const config = getConfig();
const result = migrateDatabase(config.databaseFile, path.join(process.cwd(), "prisma", "migrations"));
console.log(`dockyard: database ${config.databaseFile}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied} already up to date.`);

try {
  const seeded = await seedInstructor(getDeps(), config.admin);
  if (seeded.created) console.log(`dockyard: created instructor ${seeded.created.email}`);
  else if (seeded.skipped === "exists") console.log(`dockyard: instructor ${config.admin?.email} already exists`);
} catch (error) {
  const detail = isDomainError(error) ? JSON.stringify(error.details.fields ?? error.message) : String(error);
  console.error(`dockyard: DOCKYARD_ADMIN_EMAIL/DOCKYARD_ADMIN_PASSWORD are not usable: ${detail}`);
  process.exit(1);
}
// Idempotent (same digests every time); a failure here must not keep the app from starting.
const instructor = config.admin ? await findUserByEmail(getDeps(), config.admin.email) : null;
if (instructor) {
  try {
    const images = await buildSandboxImages(getDeps(), instructor);
    console.log(`dockyard: ${images.length} sandbox image(s) in the registry of ${instructor.email}`);
  } catch (error) {
    console.error(`dockyard: could not build the sandbox images: ${error instanceof Error ? error.message : String(error)}`);
  }
}
await getDeps().db.$disconnect();
