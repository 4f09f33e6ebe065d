// `npm run dev` / `npm start`. With DATABASE_URL set, starts Next.js against it as it is.
// Without it, runs the embedded database (PGlite, data in .data/), migrates it, seeds demo
// data on first run, then starts Next.js pointed at it. Ctrl-C stops Next.js first, then
// closes the database cleanly. Next.js runs behind scripts/server.mjs (see there why).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { validateEnvironment } from "../lib/env/validate.cjs";
import { embeddedDataDir, startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrations";

const mode = process.argv[2] === "start" ? "start" : "dev";
const DATA_DIR = embeddedDataDir();

async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim()) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** Only for the embedded database, which is local by definition (see seedDemoData). */
async function seedIfEmpty(url: string) {
  const { createPrismaClient } = await import("../lib/db/create-client");
  const { seedDemoData } = await import("../prisma/seed-data");
  const db = createPrismaClient(url);
  try {
    if ((await db.user.count()) > 0) return;
    console.log(
      "First run of the embedded database: adding demo data and demo accounts (see README).",
    );
    await seedDemoData(db, { log: console.log, localEmbedded: true });
  } finally {
    await db.$disconnect();
  }
}

/** Next.js behind the app's own server, which tells the app each client's address. */
function startNext(env: NodeJS.ProcessEnv): ChildProcess {
  const server = path.join(__dirname, "server.mjs");
  const port = process.env.PORT ?? "3000";
  // A larger young generation: page rendering allocates many short-lived objects, and the
  // default makes the server spend ~10% more of its time collecting them (docs/benchmarks.md).
  const nodeFlags = mode === "start" ? ["--max-semi-space-size=32"] : [];
  return spawn(process.execPath, [...nodeFlags, server, mode, "--port", port], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: env.NODE_ENV ?? (mode === "start" ? "production" : "development") },
  });
}

async function main() {
  if (mode === "start")
    Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
  validateEnvironment(process.env);
  let embedded: EmbeddedDatabase | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, "pglite") });
    console.log(
      `Embedded PostgreSQL (PGlite) listening; data in ${path.relative(process.cwd(), DATA_DIR)}/pglite`,
    );
    const result = await migrate(embedded.url, { log: console.log });
    if (result.applied.length) console.log(`Applied ${result.applied.length} migration(s).`);
    await seedIfEmpty(embedded.url);
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_SIZE ??= "8";
    env.AUTH_SECRET = await authSecret();
  }

  let stopping = false;
  const child = startNext(env);
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await new Promise((resolve) => child.once("exit", resolve));
      clearTimeout(killTimer);
    }
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
