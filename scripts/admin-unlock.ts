// `npm run admin:unlock -- --email someone@example.com`
// Lifts the sign-in lock that wrong passwords put on an account (five in 15 minutes), for
// when no admin can sign in to use "Clear sign-in lock" on the members page. Audited with no
// actor. Without DATABASE_URL it opens the embedded database in .data/pglite (stop the app
// first).
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db/create-client";
import { embeddedDataDir, startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrations";
import { clearSignInLockByEmail } from "../lib/auth/sign-in-lock";

const USAGE = "Usage: npm run admin:unlock -- --email someone@example.com";

function readEmail(): string {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !values.email) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  return values.email;
}

async function openDatabase(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const embedded = await startEmbeddedDatabase({
    dataDir: path.join(embeddedDataDir(), "pglite"),
  });
  await migrate(embedded.url);
  console.log("DATABASE_URL is not set: using the embedded database in .data/pglite.");
  return { url: embedded.url, embedded };
}

async function main() {
  const email = readEmail();
  const { url, embedded } = await openDatabase();
  const db = createPrismaClient(url);
  try {
    const result = await clearSignInLockByEmail(db, email);
    if (!result.ok) throw new Error(result.message);
    console.log(result.message);
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
