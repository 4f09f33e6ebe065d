// The database an admin command works on: DATABASE_URL, or else the embedded database in
// .data/pglite (migrated first; the app must be stopped, as PGlite has one owner).
import path from "node:path";
import { createPrismaClient, type Database } from "../lib/core/db/create-client";
import { embeddedDataDir, startEmbeddedDatabase } from "../lib/core/db/embedded";
import { migrate } from "../lib/core/db/migrations";

/** Runs `work` with a client on the admin's database, then closes both. */
export async function withAdminDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({ dataDir: path.join(embeddedDataDir(), "pglite") });
  if (embedded) {
    await migrate(embedded.url);
    console.log("DATABASE_URL is not set: using the embedded database in .data/pglite.");
  }
  const db = createPrismaClient(embedded?.url ?? process.env.DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}
