// `npm run db:seed`: idempotent demo data for DATABASE_URL. Refuses demo accounts in production.
import { createPrismaClient } from "../lib/core/db/create-client";
import { seedDemoData } from "./seed-data";

async function main() {
  const db = createPrismaClient();
  try {
    await seedDemoData(db, { log: console.log });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
