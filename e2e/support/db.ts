// Direct SQL for the few steps a test cannot reach through the UI in real time (a session
// "ending" an hour later). scripts/e2e.ts passes the app's database as E2E_DATABASE_URL.
import pg from "pg";

export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString)
    throw new Error("E2E_DATABASE_URL is not set: run the suite with npm run test:e2e.");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Moves a session two hours into the past, as if it had just taken place. */
export async function moveSessionIntoThePast(sessionId: string): Promise<void> {
  await sql(
    `UPDATE "LearningSession" SET "startsAt" = now() - interval '2 hours', "endsAt" = now() - interval '1 hour' WHERE id = $1`,
    [sessionId],
  );
}
