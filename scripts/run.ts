// `npm run dev` / `npm start`. With DATABASE_URL set, starts Next.js against it as it is.
// Without it, runs the embedded database (PGlite, data in .data/), migrates it, seeds demo
// data on first run, then starts Next.js pointed at it. Ctrl-C stops Next.js first, then
// closes the database cleanly, and exits 0 (see requestStop). Next.js runs behind
// scripts/server.mjs (see there why).
//
// Run it with `node --import tsx scripts/run.ts`, not the `tsx` command: `tsx` runs the
// script in a child process and, on Ctrl-C, gives that child 30 ms to acknowledge the
// signal; when the child's main thread is busy for longer (PGlite runs every query of the
// embedded database on it, and a loaded machine delays it too), `tsx` kills it with SIGKILL
// and exits 130, leaving Next.js and the database unstopped.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { validateEnvironment } from "../lib/core/env/validate.cjs";
import {
  embeddedDataDir,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "../lib/core/db/embedded";
import { migrate } from "../lib/core/db/migrations";

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
  const { createPrismaClient } = await import("../lib/core/db/create-client");
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

/**
 * The background worker (mail, digests, reminders) as its own process beside Next.js, unless
 * WORKER=off (then run `npm run worker` elsewhere). It restarts after a crash, at most once a
 * minute, so a database hiccup does not stop mail for good.
 */
function startWorkerProcess(env: NodeJS.ProcessEnv): ChildProcess | undefined {
  if (env.WORKER === "off") return undefined;
  const spawnWorker = (): ChildProcess => {
    const started = Date.now();
    const process_ = spawn(
      process.execPath,
      [
        "--require",
        path.join(__dirname, "server-only-preload.cjs"),
        "--import",
        "tsx",
        path.join(__dirname, "worker.ts"),
      ],
      {
        stdio: "inherit",
        env: {
          ...env,
          NODE_ENV: env.NODE_ENV ?? (mode === "start" ? "production" : "development"),
        },
      },
    );
    process_.on("exit", (code, signal) => {
      if (exitCode !== undefined || signal === "SIGTERM") return;
      const wait = Math.max(0, 60_000 - (Date.now() - started));
      console.error(`The worker stopped (code ${code}); starting it again in ${wait / 1000}s.`);
      setTimeout(() => {
        if (exitCode === undefined) worker = spawnWorker();
      }, wait);
    });
    return process_;
  };
  return spawnWorker();
}

// Ctrl-C (SIGINT) or SIGTERM at any moment stops everything cleanly and exits 0. The
// handlers are installed before anything starts: without them, a signal during start-up
// would kill the launcher at once (exit 130) with the embedded database open and its lock
// file left behind. A signal during a start-up step (opening the database, migrating,
// seeding) lets that step finish, so that no migration or first-run seed is cut in half,
// and then stops instead of going on.
let embedded: EmbeddedDatabase | undefined;
let child: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let startingUp = true;
let exitCode: number | undefined; // set once a stop has been asked for

function requestStop(code: number) {
  if (exitCode !== undefined) return;
  exitCode = code;
  if (startingUp) console.log("Stopping once the current start-up step is done…");
  else void stopAll();
}

async function stopChild(process: ChildProcess | undefined, graceMs: number): Promise<void> {
  if (!process || process.exitCode !== null || process.signalCode !== null) return;
  const exited = new Promise((resolve) => process.once("exit", resolve));
  process.kill("SIGTERM");
  const killTimer = setTimeout(() => process.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(killTimer);
}

async function stopAll(): Promise<never> {
  await Promise.all([stopChild(child, 10_000), stopChild(worker, 25_000)]);
  await embedded?.stop();
  process.exit(exitCode ?? 0);
}

async function main() {
  process.on("SIGINT", () => requestStop(0));
  process.on("SIGTERM", () => requestStop(0));
  const stopRequested = () => exitCode !== undefined;

  if (mode === "start")
    Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
  validateEnvironment(process.env);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, "pglite") });
    console.log(
      `Embedded PostgreSQL (PGlite) listening; data in ${path.relative(process.cwd(), DATA_DIR)}/pglite`,
    );
    if (stopRequested()) return stopAll();
    const result = await migrate(embedded.url, { log: console.log });
    if (result.applied.length) console.log(`Applied ${result.applied.length} migration(s).`);
    if (stopRequested()) return stopAll();
    await seedIfEmpty(embedded.url);
    if (stopRequested()) return stopAll();
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_SIZE ??= "8";
    env.AUTH_SECRET = await authSecret();
  }
  if (stopRequested()) return stopAll();

  child = startNext(env);
  worker = startWorkerProcess(env);
  startingUp = false;
  // Next.js stopping on its own (a crash) stops the launcher with its exit code.
  child.on("exit", (code) => requestStop(code ?? 0));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await embedded?.stop().catch(() => {});
  process.exit(1);
});
