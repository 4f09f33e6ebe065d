// Counts the SQL statements a piece of code sends: the file's `db` (lib/core/db/client) is
// pointed at a client with Prisma's query log on. Vitest runs each test file in its own
// process, so this does not leak into other files.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function statementCounter(): (load: () => Promise<unknown>) => Promise<number> {
  const statements: string[] = [];
  const counting = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 3 }),
    log: [{ emit: "event", level: "query" }],
  });
  counting.$on("query", (event) => statements.push(event.query));

  beforeAll(() => {
    // lib/core/db/client's `db` uses this process-wide client when one is set.
    (globalThis as unknown as { prisma: PrismaClient }).prisma = counting;
  });
  afterAll(async () => {
    await counting.$disconnect();
  });

  return async (load) => {
    statements.length = 0;
    await load();
    return statements.length;
  };
}
