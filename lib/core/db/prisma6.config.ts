// Config for the Prisma 6.19.3 CLI (devDependency `prisma6`), used only by the schema drift
// check (lib/core/db/drift.ts). Prisma 6 can run its WebAssembly schema engine through a driver
// adapter, so `migrate diff` works without the native engine that cannot be downloaded here.
// See docs/decisions/002-offline-migrations.md.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma6/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // A temporary copy of prisma/schema.prisma rewritten for Prisma 6 (see drift.ts).
  schema: process.env.PRISMA6_SCHEMA,
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true });
  },
});
