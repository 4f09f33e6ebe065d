// Applies prisma/migrations offline, recording each in `_prisma_migrations` exactly as
// `prisma migrate deploy` would, so that either tool can take over a database later.
// See docs/decisions/002-offline-migrations.md.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { installJobSchema } from "@/lib/core/jobs/boss";
import type { Queue } from "@/lib/core/jobs/queue";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Arbitrary constant shared by every process that migrates this database. */
const MIGRATION_LOCK_KEY = 72_707_369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {}

export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function checkHistory(files: MigrationFile[], applied: AppliedRow[]) {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but never finished. Inspect the database, then mark it with \`prisma migrate resolve\` on a connected machine or delete its row from _prisma_migrations.`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied to the database but missing from prisma/migrations.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
      );
    }
  }
}

async function applyOne(client: pg.Client, file: MigrationFile) {
  await client.query("BEGIN");
  try {
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
       VALUES ($1, $2, now(), $3, now(), 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`);
  }
}

/**
 * Applies every pending migration, each in its own transaction, under an advisory lock so
 * that two processes migrating at once never both apply one; then installs or upgrades the
 * job queue's own schema (`pgboss`, kept by pg-boss, not by these migrations).
 */
export async function migrate(
  connectionString: string,
  options: {
    dir?: string;
    log?: (line: string) => void;
    jobs?: boolean;
    /** Job queues to create with the job schema (lib/worker/queues.ts lists the app's). */
    queues?: readonly Queue<unknown>[];
  } = {},
): Promise<MigrateResult> {
  const result = await applyMigrations(connectionString, options);
  if (options.jobs !== false) await installJobSchema(connectionString, options.queues);
  return result;
}

async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void },
): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
      );
      checkHistory(files, rows);
      const done = new Set(rows.filter((r) => !r.rolled_back_at).map((r) => r.migration_name));
      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const file of files) {
        if (done.has(file.name)) {
          result.alreadyApplied.push(file.name);
          continue;
        }
        options.log?.(`Applying migration ${file.name}`);
        await applyOne(client, file);
        result.applied.push(file.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
