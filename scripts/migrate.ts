// `npm run db:migrate`: applies pending migrations to DATABASE_URL, offline.
import { migrate } from "../lib/core/db/migrations";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. (`npm run dev` migrates the embedded database by itself.)",
    );
    process.exit(1);
  }
  const result = await migrate(url, { log: console.log });
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied.length} already applied.`
      : `Database is up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
