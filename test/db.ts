// The database for integration tests: a real PostgreSQL (or PGlite) migrated by
// global-setup. Tests isolate themselves by creating their own rows with unique values.
import { afterAll } from "vitest";
import { createPrismaClient } from "@/lib/core/db/create-client";

export const testDb = createPrismaClient(process.env.DATABASE_URL);

afterAll(async () => {
  await testDb.$disconnect();
});
