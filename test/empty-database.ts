// An empty database of a test's own, so that the shared test database (already migrated) is
// left alone:
// - on real PostgreSQL (CI), a database made with CREATE DATABASE next to the shared one;
// - on PGlite, a private in-memory PGlite server for the test file, emptied each time.
//   A throwaway schema on the shared PGlite would not do: its socket server multiplexes
//   every connection onto ONE backend session, so it ignores `options=-c search_path=...`
//   in the URL, and a SET on one connection changes every other test's search path too.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/core/db/embedded";

const sharedUrl = () => process.env.DATABASE_URL!;

export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export interface EmptyDatabase {
  url: string;
  drop: () => Promise<void>;
}

let privatePglite: Promise<EmbeddedDatabase> | undefined;

/** Stops the private PGlite, if this file started one (call in afterAll). */
export async function stopPrivateDatabase() {
  await (await privatePglite)?.stop();
}

export async function onRealPostgres(): Promise<boolean> {
  const [server] = await query<{ version: string }>(sharedUrl(), "SELECT version()");
  return !server?.version.includes("PGlite");
}

export async function emptyDatabase(): Promise<EmptyDatabase> {
  if (!(await onRealPostgres())) {
    privatePglite ??= startEmbeddedDatabase();
    const { url } = await privatePglite;
    await query(url, `DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    return { url, drop: async () => {} };
  }
  const name = `test_${randomUUID().slice(0, 8)}`;
  await query(sharedUrl(), `CREATE DATABASE "${name}"`);
  const url = new URL(sharedUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => query(sharedUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {}),
  };
}
