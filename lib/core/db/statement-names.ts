// Server-side prepared statements: each distinct SQL text gets a stable name, so PostgreSQL
// parses it once per connection and, after a few runs, reuses its plan. The app's statements
// are few and fixed, but several are long (the list's and the notification rule's EXISTS
// subqueries) and PostgreSQL spent longer planning them than running them on every request.
// Only statements with parameters are named: a parameterless text may hold several statements
// (pg-boss's DDL does), which only the simple protocol runs and a named statement cannot hold.
// Off for the embedded database, whose socket server puts every connection on ONE backend
// session (two pool connections would prepare the same name twice), and for a pooler in
// transaction mode (PgBouncer, Supavisor): DATABASE_PREPARED_STATEMENTS=off.
import { createHash } from "node:crypto";

/** Part of every embedded (PGlite) database's URL: see lib/core/db/embedded.ts. */
export const EMBEDDED_URL_MARKER = "application_name=learning-commons-embedded";

/** Beyond this many distinct texts (say, IN lists of every length) statements stay unnamed. */
const MAX_NAMED_STATEMENTS = 2_000;

export function preparesStatements(
  connectionString: string,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return (
    env.DATABASE_PREPARED_STATEMENTS !== "off" && !connectionString.includes(EMBEDDED_URL_MARKER)
  );
}

const names = new Map<string, string>();

/** A name unique to the SQL text (a hash), or "" (unnamed) once the bound is reached. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `lc_${createHash("sha1").update(sql).digest("base64url")}`;
    names.set(sql, name);
  }
  return name ?? "";
}
