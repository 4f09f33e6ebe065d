import "server-only";
import { createPrismaClient, type Database } from "./create-client";

const globalForPrisma = globalThis as unknown as { prisma?: Database };

function instance(): Database {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const client = createPrismaClient();
  // One client per process; in development it also survives hot reloads.
  globalForPrisma.prisma = client;
  return client;
}

/**
 * The app's one PrismaClient; password hashes are omitted unless a query selects them.
 * Built on first use, so importing this (as `next build` does) needs no DATABASE_URL.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
