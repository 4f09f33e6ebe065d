import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./create-client";
import { startEmbeddedDatabase } from "./embedded";
import { EMBEDDED_URL_MARKER, preparesStatements, statementName } from "./statement-names";

describe("statement names", () => {
  it("names each SQL text by its hash: the same text the same name, another text another", () => {
    const a = statementName('select 1 from "User" where id = $1');
    expect(a).toMatch(/^lc_[\w-]{27}$/);
    expect(statementName('select 1 from "User" where id = $1')).toBe(a);
    expect(statementName('select 2 from "User" where id = $1')).not.toBe(a);
  });

  it("prepares on PostgreSQL, not on the embedded database or when turned off", () => {
    const server = "postgresql://app@db.internal:5432/lc";
    expect(preparesStatements(server, {})).toBe(true);
    expect(preparesStatements(server, { DATABASE_PREPARED_STATEMENTS: "off" })).toBe(false);
    expect(preparesStatements(`postgresql://x@127.0.0.1:1/p?${EMBEDDED_URL_MARKER}`, {})).toBe(
      false,
    );
  });
});

/** Runs one statement eight times on one connection and lists that connection's prepared names. */
async function preparedAfterRepeats(url: string, sql: string) {
  const client = createPrismaClient(url);
  try {
    return await client.$transaction(async (tx) => {
      for (let run = 0; run < 8; run++) {
        expect(await tx.$queryRawUnsafe<{ n: number }[]>(sql, 41)).toEqual([{ n: 42 }]);
      }
      const named = await tx.$queryRawUnsafe<{ name: string }[]>(
        "SELECT name FROM pg_prepared_statements",
      );
      return named.map((row) => row.name);
    });
  } finally {
    await client.$disconnect();
  }
}

describe("the database client", () => {
  const sql = "SELECT ($1::int + 1)::int AS n -- statement-names.test";
  const embedded = startEmbeddedDatabase();
  afterAll(async () => (await embedded).stop());

  it("still runs a parameterless text of several statements (pg-boss's DDL), unnamed", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL!);
    try {
      await client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          "CREATE TEMP TABLE statement_names_probe (n int); INSERT INTO statement_names_probe VALUES (7)",
        );
        expect(
          await tx.$queryRawUnsafe<{ n: number }[]>("SELECT n FROM statement_names_probe"),
        ).toEqual([{ n: 7 }]);
      });
    } finally {
      await client.$disconnect();
    }
  });

  it("reuses a prepared statement on a PostgreSQL server", async () => {
    const url = process.env.DATABASE_URL!;
    const names = await preparedAfterRepeats(url, sql);
    if (url.includes(EMBEDDED_URL_MARKER)) expect(names).not.toContain(statementName(sql));
    else expect(names).toContain(statementName(sql));
  });

  it("leaves statements unnamed on the embedded database, where connections share a session", async () => {
    const { url } = await embedded;
    expect(url).toContain(EMBEDDED_URL_MARKER);
    expect(await preparedAfterRepeats(url, sql)).not.toContain(statementName(sql));
  });
});
