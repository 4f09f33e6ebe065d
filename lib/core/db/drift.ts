// The schema drift check: does applying prisma/migrations give the database that
// prisma/schema.prisma describes? Prisma 6's CLI (devDependency `prisma6`, which runs its
// WebAssembly schema engine offline) writes the SQL for schema.prisma; that SQL goes into
// one fresh schema and the migrations into another; then both catalogs are compared.
// See docs/decisions/002-offline-migrations.md.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import {
  createSchema,
  dropSchema,
  executeInSchema,
  readCatalog,
  type CatalogObject,
} from "./catalog";
import { readMigrationFiles } from "./migrations";

export const SCHEMA_FILE = path.join(process.cwd(), "prisma", "schema.prisma");
const PRISMA6_CLI = path.join(process.cwd(), "node_modules", "prisma6", "build", "index.js");
const PRISMA6_CONFIG = path.join(process.cwd(), "lib", "core", "db", "prisma6.config.ts");

export interface Difference {
  /** `missing`: only in the expected schema; `extra`: only in the actual one. */
  change: "missing" | "extra" | "changed";
  object: CatalogObject;
  /** The actual definition, for `changed`. */
  actual?: string;
}

const keyOf = (o: CatalogObject) => `${o.kind} ${o.name}`;

/** schema.prisma cannot declare a CHECK constraint: one that only the migrations have was written there on purpose. */
const isHandWrittenCheck = (o: CatalogObject) =>
  o.kind === "constraint" && (o.definition ?? "").startsWith("CHECK ");

/** Everything that differs between two catalogs. A missing table stands for its columns, indexes and constraints. */
export function compareCatalogs(expected: CatalogObject[], actual: CatalogObject[]): Difference[] {
  const actualByKey = new Map(actual.map((o) => [keyOf(o), o]));
  const expectedKeys = new Set(expected.map(keyOf));
  const differences: Difference[] = [];
  for (const object of expected) {
    const other = actualByKey.get(keyOf(object));
    if (!other) differences.push({ change: "missing", object });
    else if (other.definition !== object.definition)
      differences.push({ change: "changed", object, actual: other.definition });
  }
  for (const object of actual) {
    if (!expectedKeys.has(keyOf(object)) && !isHandWrittenCheck(object))
      differences.push({ change: "extra", object });
  }
  const absentTables = new Set(
    differences
      .filter((d) => d.object.kind === "table" && d.change !== "changed")
      .map((d) => d.object.table),
  );
  return differences
    .filter((d) => d.object.kind === "table" || !absentTables.has(d.object.table))
    .sort((a, b) => keyOf(a.object).localeCompare(keyOf(b.object)));
}

export interface Sides {
  expected: string;
  actual: string;
}

const DEFAULT_SIDES: Sides = { expected: "schema.prisma", actual: "migrations" };

const describeObject = (o: CatalogObject) =>
  [o.kind, o.name, o.definition].filter(Boolean).join(" ");

/** One line per difference, e.g. `+ column "User"."nickname" text NULL (in schema.prisma, missing from migrations)`. */
export function formatDifferences(differences: Difference[], sides: Sides = DEFAULT_SIDES): string {
  return differences
    .map((d) => {
      if (d.change === "missing")
        return `+ ${describeObject(d.object)} (in ${sides.expected}, missing from ${sides.actual})`;
      if (d.change === "extra")
        return `- ${describeObject(d.object)} (in ${sides.actual}, missing from ${sides.expected})`;
      return `~ ${d.object.kind} ${d.object.name}\n    ${sides.expected}: ${d.object.definition}\n    ${sides.actual}: ${d.actual}`;
    })
    .join("\n");
}

/**
 * Prisma 6 wants the connection URL in the datasource block (Prisma 7 keeps it in
 * prisma.config.ts), and `engineType = "client"` in generators so that it looks for no
 * native query engine.
 */
export function schemaForPrisma6(source: string): string {
  return source
    .split("\n")
    .filter((line) => !/^\s*(url|engineType)\s*=/.test(line))
    .flatMap((line) => {
      if (/^\s*datasource\s+\w+\s*\{/.test(line)) return [line, '  url = env("DATABASE_URL")'];
      if (/^\s*generator\s+\w+\s*\{/.test(line)) return [line, '  engineType = "client"'];
      return [line];
    })
    .join("\n");
}

/**
 * The SQL that creates `schemaFile`'s database from nothing, as Prisma writes it
 * (`prisma migrate diff --from-empty --to-schema-datamodel`). Prisma's engine needs a live
 * PostgreSQL to talk to, though this diff reads and writes nothing in it.
 */
export async function sqlForSchema(schemaFile: string, connectionString: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "drift-"));
  try {
    const schema = path.join(dir, "schema.prisma");
    await writeFile(schema, schemaForPrisma6(await readFile(schemaFile, "utf8")));
    const args = [
      "migrate",
      "diff",
      "--config",
      PRISMA6_CONFIG,
      "--from-empty",
      "--to-schema-datamodel",
      schema,
      "--script",
    ];
    const env = {
      ...process.env,
      DATABASE_URL: connectionString,
      PRISMA6_SCHEMA: schema,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    };
    const { stdout } = await promisify(execFile)(process.execPath, [PRISMA6_CLI, ...args], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`prisma migrate diff (Prisma 6) failed: ${error.stderr || error.message}`);
    });
    return stdout.replace(/^Loaded Prisma config from .*$/m, "");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface DriftReport {
  /** What schema.prisma's database holds, as compared (proof that there was something to compare). */
  compared: CatalogObject[];
  differences: Difference[];
  /** Readable lines, empty when there is no drift. */
  report: string;
}

/**
 * Compares the database schema.prisma describes with the one the migrations build. Works in
 * two throwaway schemas of the database at `connectionString`, dropped afterwards; it
 * touches nothing else there, so it is safe on a shared test database.
 */
export async function checkDrift(options: {
  connectionString: string;
  schemaFile?: string;
  migrationsDir?: string;
}): Promise<DriftReport> {
  const prismaSql = await sqlForSchema(options.schemaFile ?? SCHEMA_FILE, options.connectionString);
  const migrations = await readMigrationFiles(options.migrationsDir);
  const tag = randomUUID().slice(0, 8);
  const fromPrisma = `drift_prisma_${tag}`;
  const fromMigrations = `drift_migrations_${tag}`;
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await createSchema(client, fromPrisma);
    await createSchema(client, fromMigrations);
    await executeInSchema(client, fromPrisma, prismaSql).catch((error: Error) => {
      throw new Error(`The SQL Prisma wrote for schema.prisma failed: ${error.message}`);
    });
    for (const migration of migrations) {
      await executeInSchema(client, fromMigrations, migration.sql).catch((error: Error) => {
        throw new Error(`Migration ${migration.name} failed: ${error.message}`);
      });
    }
    const compared = await readCatalog(client, fromPrisma);
    const differences = compareCatalogs(compared, await readCatalog(client, fromMigrations));
    return { compared, differences, report: formatDifferences(differences) };
  } finally {
    await dropSchema(client, fromPrisma);
    await dropSchema(client, fromMigrations);
    await client.end();
  }
}
