// The only module that constructs the generated Prisma client. SQLite through better-sqlite3.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** Opens a client on a SQLite file (migrated beforehand by migrateDatabase). */
export function createDb(databaseFile: string): Db {
  const adapter = new PrismaBetterSqlite3({ url: databaseFile, timeout: 10_000 });
  return new PrismaClient({ adapter });
}
