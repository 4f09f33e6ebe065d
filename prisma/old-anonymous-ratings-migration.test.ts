// Migration 20261207211000_hardening_old_anonymous_ratings: anonymous session ratings stored
// before they were released in groups of three. A session with one or two of them names their
// authors by elimination (receipts minus named ratings), and each kept the day it was given.
// Data is written as the old code wrote it, on a database of this test's own, migrated to just
// before the migration; then the migration runs.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrationFiles } from "@/lib/core/db/migrations";
import { ANONYMOUS_FEEDBACK_BATCH } from "@/lib/sessions/limits";
import { emptyDatabase, query, stopPrivateDatabase } from "@/test/empty-database";

const MIGRATION = "20261207211000_hardening_old_anonymous_ratings";
afterAll(stopPrivateDatabase);

async function migrationsBefore(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-before-"));
  for (const { name } of await readMigrationFiles()) {
    if (name >= MIGRATION) continue;
    await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

/** A session whose receipts are `named` members with their name on and `anonymous` without. */
async function ratedSession(url: string, id: string, named: number, anonymousDays: string[]) {
  await query(
    url,
    `INSERT INTO "LearningSession" ("id", "title", "format", "description", "startsAt", "endsAt", "updatedAt")
     VALUES ($1, $1, 'RETROSPECTIVE', '', now() - interval '2 hours', now() - interval '1 hour', now())`,
    [id],
  );
  const raters: { user: string; day: string | null }[] = [...Array(named).keys()].map((i) => ({
    user: `${id}-named-${i}`,
    day: null,
  }));
  raters.push(...anonymousDays.map((day, i) => ({ user: `${id}-anon-${i}`, day })));
  for (const { user, day } of raters) {
    await query(
      url,
      `INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ($1, $2, $1, now())`,
      [user, `${user}@example.com`],
    );
    await query(
      url,
      `INSERT INTO "SessionFeedbackReceipt" ("sessionId", "userId") VALUES ($1, $2)`,
      [id, user],
    );
    await query(
      url,
      `INSERT INTO "SessionFeedback" ("id", "sessionId", "authorId", "rating", "comment", "createdOn")
       VALUES ($1, $2, $3, 4, $4, coalesce($5::date, CURRENT_DATE))`,
      [randomUUID(), id, day ? null : user, `said by ${user}`, day],
    );
  }
}

interface Row {
  id: string;
  sessionId: string;
  authorId: string | null;
  comment: string;
  createdOn: string;
}

const rowsOf = (url: string) =>
  query<Row>(
    url,
    `SELECT "id", "sessionId", "authorId", "comment", to_char("createdOn", 'YYYY-MM-DD') AS "createdOn"
     FROM "SessionFeedback" ORDER BY "comment"`,
  );

it("drops the anonymous ratings of sessions with fewer than three and gives the rest one day", async () => {
  expect(ANONYMOUS_FEEDBACK_BATCH).toBe(3); // the migration's SQL says 3
  const target = await emptyDatabase();
  const before = await migrationsBefore();
  try {
    await migrate(target.url, { dir: before });
    await ratedSession(target.url, "one", 2, ["2026-11-02"]);
    await ratedSession(target.url, "two", 1, ["2026-11-02", "2026-11-03"]);
    await ratedSession(target.url, "four", 1, [
      "2026-11-02",
      "2026-11-05",
      "2026-11-03",
      "2026-11-04",
    ]);
    const oldRows = await rowsOf(target.url);

    await migrate(target.url);

    const after = await rowsOf(target.url);
    const anonymous = after.filter((row) => row.authorId === null);
    // Elimination named these authors: gone. Named ratings and every receipt stay.
    expect(anonymous.map((row) => row.sessionId)).toEqual(["four", "four", "four", "four"]);
    expect(after.filter((row) => row.authorId !== null)).toEqual(
      oldRows.filter((row) => row.authorId !== null),
    );
    const [receipts] = await query<{ count: number }>(
      target.url,
      `SELECT count(*)::int AS "count" FROM "SessionFeedbackReceipt"`,
    );
    expect(receipts!.count).toBe(oldRows.length);
    // The four kept: one day (the latest), new ids, the same words.
    expect(new Set(anonymous.map((row) => row.createdOn))).toEqual(new Set(["2026-11-05"]));
    expect(anonymous.some((row) => oldRows.some((old) => old.id === row.id))).toBe(false);
    expect(anonymous.map((row) => row.comment)).toEqual(
      oldRows.filter((row) => row.sessionId === "four" && !row.authorId).map((row) => row.comment),
    );
  } finally {
    await rm(before, { recursive: true, force: true });
    await target.drop();
  }
});
