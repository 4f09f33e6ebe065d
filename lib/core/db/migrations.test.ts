// The offline migration runner, each test against its own empty database
// (test/empty-database.ts) so that the shared test database (already migrated) is left alone.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { emptyDatabase, onRealPostgres, query, stopPrivateDatabase } from "@/test/empty-database";
import { migrate, MIGRATIONS_DIR, MigrationError } from "./migrations";

const realPostgres = await onRealPostgres();
afterAll(stopPrivateDatabase);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshTarget(): Promise<string> {
  const target = await emptyDatabase();
  cleanups.push(target.drop);
  return target.url;
}

/** A temporary copy of prisma/migrations that a test may change. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const appliedRows = (url: string) =>
  query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`);

async function tableExists(url: string, table: string): Promise<boolean> {
  const rows = await query(
    url,
    `SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1`,
    [table],
  );
  return rows.length > 0;
}

describe("migrate", () => {
  it("applies every migration and records each as Prisma does, with the file's sha256", async () => {
    const url = await freshTarget();
    const names = await migrationNames();

    const result = await migrate(url);

    expect(result).toEqual({ applied: names, alreadyApplied: [] });
    const rows = await appliedRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await tableExists(url, "User")).toBe(true);
  });

  it("applies nothing when run again", async () => {
    const url = await freshTarget();
    await migrate(url);
    const before = await appliedRows(url);

    const result = await migrate(url);

    expect(result).toEqual({ applied: [], alreadyApplied: await migrationNames() });
    expect(await appliedRows(url)).toEqual(before);
  });

  it("refuses to go on when an applied migration's file was changed, naming it", async () => {
    const url = await freshTarget();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const [first] = await migrationNames(dir);
    const file = path.join(dir, first!, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited afterwards\n`);

    const attempt = migrate(url, { dir });

    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(`Migration ${first} was changed after it was applied`);
  });

  it("refuses to go on when an applied migration is missing from the folder", async () => {
    const url = await freshTarget();
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29990101000000_later"));
    await writeFile(
      path.join(dir, "29990101000000_later", "migration.sql"),
      `CREATE TABLE "Later" ("id" INTEGER);`,
    );
    await migrate(url, { dir });
    await rm(path.join(dir, "29990101000000_later"), { recursive: true });

    await expect(migrate(url, { dir })).rejects.toThrow(
      "Migration 29990101000000_later is applied to the database but missing",
    );
  });

  it("rolls a failing migration back completely and applies it once it is fixed", async () => {
    const url = await freshTarget();
    const dir = await copyOfMigrations();
    const broken = path.join(dir, "29990101000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "Partial" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    );

    await expect(migrate(url, { dir })).rejects.toThrow(
      "Migration 29990101000000_broken failed and was rolled back",
    );

    expect(await tableExists(url, "Partial")).toBe(false);
    expect((await appliedRows(url)).map((r) => r.migration_name)).toEqual(await migrationNames());

    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Partial" ("id" INTEGER);\n`);
    expect(await migrate(url, { dir })).toEqual({
      applied: ["29990101000000_broken"],
      alreadyApplied: await migrationNames(),
    });
    expect(await tableExists(url, "Partial")).toBe(true);
  });

  // PGlite serves every connection from one backend session, where an advisory lock never
  // excludes anyone, so this runs only against real PostgreSQL (CI runs the suite on 15).
  it.runIf(realPostgres)(
    "applies each migration exactly once when several processes migrate at once",
    async () => {
      const url = await freshTarget();
      const names = await migrationNames();

      // allSettled, so that a failure is reported only after every call has let go of the database.
      const settled = await Promise.allSettled(Array.from({ length: 4 }, () => migrate(url)));

      expect(settled.map((s) => (s.status === "rejected" ? String(s.reason) : s.status))).toEqual(
        Array(4).fill("fulfilled"),
      );
      const results = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
      for (const result of results)
        expect([...result.applied, ...result.alreadyApplied].sort()).toEqual(names);
      expect((await appliedRows(url)).map((r) => r.migration_name)).toEqual(names);
    },
  );
});
