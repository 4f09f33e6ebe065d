// What bench-seed checks before writing hundreds of thousands of rows into a database.
import type { ClientBase } from "pg";
import { BENCH_MEMBER_DOMAIN, BENCH_THREAD_TITLE } from "./constants";

/**
 * The demo seed (prisma/seed-data.ts) creates ten members, all at example.com; allow a few
 * more made by hand. More than this, or anyone elsewhere, looks like a real community.
 */
export const DEMO_SIZED_MEMBER_LIMIT = 20;

export class RefusedToSeed extends Error {}

export async function checkBenchTarget(client: ClientBase, options: { force: boolean }) {
  if (process.env.NODE_ENV === "production") {
    throw new RefusedToSeed("Refusing to write bench data with NODE_ENV=production.");
  }
  const { rows: tables } = await client.query<{ ok: boolean }>(
    `SELECT to_regclass('"Discussion"') IS NOT NULL AND to_regclass('"KnowledgePost"') IS NOT NULL AS ok`,
  );
  if (!tables[0]?.ok) {
    throw new RefusedToSeed("The database is not migrated: run `npm run db:migrate` first.");
  }
  const { rows: bench } = await client.query<{ members: number; thread: boolean }>(
    `SELECT (SELECT count(*)::int FROM "User" WHERE "email" LIKE $1) AS members,
            EXISTS (SELECT 1 FROM "Discussion" WHERE "title" = $2) AS thread`,
    [`%@${BENCH_MEMBER_DOMAIN}`, BENCH_THREAD_TITLE],
  );
  if (bench[0]!.members > 0 || bench[0]!.thread) {
    throw new RefusedToSeed(
      `Bench data already exists in this database (${bench[0]!.members} members @${BENCH_MEMBER_DOMAIN}` +
        `${bench[0]!.thread ? `, "${BENCH_THREAD_TITLE}"` : ""}). Nothing was written. ` +
        "Seed a fresh database instead (create it, `npm run db:migrate`, then `npm run bench:seed`).",
    );
  }
  const { rows: members } = await client.query<{ total: number; elsewhere: number }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE "email" NOT LIKE '%@example.com')::int AS elsewhere
       FROM "User"`,
  );
  const { total, elsewhere } = members[0]!;
  if ((total > DEMO_SIZED_MEMBER_LIMIT || elsewhere > 0) && !options.force) {
    throw new RefusedToSeed(
      `This database already has ${total} members (${elsewhere} not at example.com): more than ` +
        "the demo seed makes, so it may be a real community. Nothing was written. " +
        "If it really is a scratch database, run again with --force.",
    );
  }
}

/** The URL without its password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}
