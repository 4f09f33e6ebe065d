// Migration 20261207110000_sealed_anonymous_answers breaks the links that anonymous rows
// already stored had with their receipts (docs/decisions/012-anonymity.md). Data is written
// as the code before it wrote it (receipt and answer in one transaction), on a database of
// this test's own, migrated to just before it; then the migration runs.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrationFiles } from "@/lib/core/db/migrations";
import { emptyDatabase, query, stopPrivateDatabase } from "@/test/empty-database";

const MIGRATION = "20261207110000_sealed_anonymous_answers";
afterAll(stopPrivateDatabase);

/**
 * prisma/migrations up to, not including (or including, with `through`), the anonymity
 * migration: later ones (20261207211000 drops sessions' lone anonymous ratings) are theirs
 * to test.
 */
async function migrationsBefore(through = false): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-before-"));
  for (const { name } of await readMigrationFiles()) {
    if (through ? name > MIGRATION : name >= MIGRATION) continue;
    await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

/** Runs `statements` in one transaction, as one answer was written before the migration. */
async function inOneTransaction(url: string, statements: [string, unknown[]][]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [sql, values] of statements) await client.query(sql, values);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

async function seedLinkedAnswers(url: string) {
  const team = randomUUID();
  const lone = randomUUID();
  await query(
    url,
    `INSERT INTO "Team" ("id", "name", "slug") VALUES ($1, 'Big', 'big'), ($2, 'Lone', 'lone')`,
    [team, lone],
  );
  await query(
    url,
    `INSERT INTO "PulseSurvey" ("id", "title", "opensAt", "closesAt", "updatedAt", "closedAt")
     VALUES ('open', 'Open', now() - interval '1 day', now() + interval '1 day', now(), NULL),
            ('small', 'Closed small', now() - interval '2 days', now() + interval '1 day', now(), now())`,
  );
  await query(
    url,
    `INSERT INTO "PulseQuestion" ("id", "surveyId", "kind", "text", "position")
     VALUES ('q-open', 'open', 'TEXT', 'Why?', 0), ('q-small', 'small', 'TEXT', 'Why?', 0)`,
  );
  await query(
    url,
    `INSERT INTO "LearningSession" ("id", "title", "format", "description", "startsAt", "endsAt", "updatedAt")
     VALUES ('retro', 'Retro', 'RETROSPECTIVE', '', now() - interval '2 hours', now() - interval '1 hour', now())`,
  );
  // Six members answer the open survey (five from one team, one alone in another), two the
  // survey that already closed, two rate the session anonymously: each in one transaction.
  const answers: { user: string; survey: string; teamId: string | null; text: string }[] = [
    ...Array.from({ length: 5 }, (_, i) => ({
      user: `big-${i}`,
      survey: "open",
      teamId: team,
      text: `big ${i}`,
    })),
    { user: "lone", survey: "open", teamId: lone, text: "lone" },
    { user: "small-0", survey: "small", teamId: null, text: "small 0" },
    { user: "small-1", survey: "small", teamId: null, text: "small 1" },
  ];
  for (const user of [...answers.map((a) => a.user), "rater-0", "rater-1"]) {
    await query(
      url,
      `INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ($1, $2, $1, now())`,
      [user, `${user}@example.com`],
    );
  }
  for (const answer of answers) {
    const id = randomUUID();
    await inOneTransaction(url, [
      [
        `INSERT INTO "PulseReceipt" ("surveyId", "userId") VALUES ($1, $2)`,
        [answer.survey, answer.user],
      ],
      [
        `INSERT INTO "PulseResponse" ("id", "surveyId", "teamId", "submittedOn") VALUES ($1, $2, $3, CURRENT_DATE)`,
        [id, answer.survey, answer.teamId],
      ],
      [
        `INSERT INTO "PulseAnswer" ("responseId", "questionId", "text") VALUES ($1, $2, $3)`,
        [id, `q-${answer.survey}`, answer.text],
      ],
    ]);
  }
  for (const rater of ["rater-0", "rater-1"]) {
    await inOneTransaction(url, [
      [
        `INSERT INTO "SessionFeedbackReceipt" ("sessionId", "userId") VALUES ('retro', $1)`,
        [rater],
      ],
      [
        `INSERT INTO "SessionFeedback" ("id", "sessionId", "rating", "comment", "createdOn")
         VALUES ($1, 'retro', 4, $2, CURRENT_DATE)`,
        [randomUUID(), `said by ${rater}`],
      ],
    ]);
  }
  return { team, lone };
}

/** Receipt–row pairs that share a transaction id. */
async function sharedXmins(url: string) {
  const [row] = await query<{ surveys: number; sessions: number }>(
    url,
    `SELECT
       (SELECT COUNT(*) FROM "PulseReceipt" p JOIN "PulseResponse" r ON r.xmin = p.xmin)::int AS "surveys",
       (SELECT COUNT(*) FROM "SessionFeedbackReceipt" p JOIN "SessionFeedback" f ON f.xmin = p.xmin)::int AS "sessions"`,
  );
  return row!;
}

it("rewrites stored anonymous rows so that none shares a transaction with its receipt", async () => {
  const target = await emptyDatabase();
  const before = await migrationsBefore();
  try {
    await migrate(target.url, { dir: before });
    const { team } = await seedLinkedAnswers(target.url);
    expect(await sharedXmins(target.url)).toEqual({ surveys: 8, sessions: 2 });
    const oldIds = await query<{ id: string }>(target.url, `SELECT "id" FROM "PulseResponse"`);

    const through = await migrationsBefore(true);
    await migrate(target.url, { dir: through });
    await rm(through, { recursive: true, force: true });

    expect(await sharedXmins(target.url)).toEqual({ surveys: 0, sessions: 0 });
    const responses = await query<{
      id: string;
      surveyId: string;
      teamId: string | null;
      text: string;
      xmin: string;
    }>(
      target.url,
      `SELECT r."id", r."surveyId", r."teamId", a."text", r.xmin::text AS "xmin"
       FROM "PulseResponse" r JOIN "PulseAnswer" a ON a."responseId" = r."id"`,
    );
    // The open survey's six answers, all kept, with new ids, written together; the team of
    // one is gone. The survey that had closed below the threshold keeps no answers.
    expect(responses.map((r) => r.text).sort()).toEqual([
      "big 0",
      "big 1",
      "big 2",
      "big 3",
      "big 4",
      "lone",
    ]);
    expect(new Set(responses.map((r) => r.xmin)).size).toBe(1);
    expect(responses.some((r) => oldIds.some((old) => old.id === r.id))).toBe(false);
    expect(responses.filter((r) => r.teamId === team)).toHaveLength(5);
    expect(responses.find((r) => r.text === "lone")!.teamId).toBeNull();
    const feedback = await query<{ xmin: string }>(
      target.url,
      `SELECT xmin::text AS "xmin" FROM "SessionFeedback"`,
    );
    expect(feedback).toHaveLength(2);
    expect(new Set(feedback.map((f) => f.xmin)).size).toBe(1);
    const columns = await query(
      target.url,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'PulseResponse' AND column_name = 'submittedOn'`,
    );
    expect(columns).toEqual([]);
  } finally {
    await rm(before, { recursive: true, force: true });
    await target.drop();
  }
});
