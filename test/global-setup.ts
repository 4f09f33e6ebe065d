// Starts the test database once for the whole run: DATABASE_URL when set (CI's real
// PostgreSQL), otherwise an in-memory embedded PGlite. Migrates it, then hands the URL to
// every test file through vitest's provide/inject.
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/core/db/embedded";
import { migrate } from "@/lib/core/db/migrations";
import { allQueues } from "@/lib/worker/queues";
import { hashPassword } from "@/lib/core/auth/password";
import { assertSafeTestDatabase } from "./database-guard";
import { TEST_PASSWORD } from "./factories-password";

let embedded: EmbeddedDatabase | undefined;

export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (url) {
    assertSafeTestDatabase(url);
  } else {
    embedded = await startEmbeddedDatabase();
    url = embedded.url;
  }
  await migrate(url, { queues: allQueues() });
  project.provide("databaseUrl", url);
  project.provide("testPasswordHash", await hashPassword(TEST_PASSWORD));
  return async () => {
    await embedded?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
