// Builds a PrismaClient. Separate from ./client so that scripts and tests (which are not
// server components) can build their own without the `server-only` guard.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { preparesStatements, statementName } from "./statement-names";

export function createPrismaClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.",
    );
  }
  const adapter = new PrismaPg(
    {
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // The insights queries aggregate whole tables; PostgreSQL's JIT compiler judged them
      // expensive enough to compile and spent seconds doing it on queries that run in tens of
      // milliseconds without it. Nothing in the app gains from JIT. (PGlite ignores this.)
      options: "-c jit=off",
    },
    preparesStatements(connectionString)
      ? { statementNameGenerator: (query) => (query.args.length ? statementName(query.sql) : "") }
      : {},
  );
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
  });
}

export type Database = ReturnType<typeof createPrismaClient>;
export type TransactionClient = Parameters<Parameters<Database["$transaction"]>[0]>[0];
