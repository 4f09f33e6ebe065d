// The app's `db` (lib/core/db/client) pointed at a client that counts every statement it
// sends, for the digest benchmark's processes.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

export function countingClient(databaseUrl: string) {
  let statements = 0;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => statements++);
  (globalThis as unknown as { prisma: PrismaClient }).prisma = client;
  return { client, statements: () => statements };
}
