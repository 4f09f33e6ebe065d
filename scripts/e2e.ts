// `npm run test:e2e`: Playwright against a production build on a fresh database.
//   1. a fresh database: a new database on DATABASE_URL's server when set (CI's real
//      PostgreSQL), otherwise an in-memory embedded PGlite; migrated and seeded;
//   2. `next build` (skip with E2E_SKIP_BUILD=1 when .next is current);
//   3. a local OpenID Connect provider for the single sign-on test;
//   4. a real SMTP server that keeps each message as an .eml file for the tests to read;
//   5. the production server (scripts/server.mjs, as `npm start` runs it) and the background
//      worker (scripts/worker.ts), then `playwright test` with any extra arguments passed
//      through (its first project signs the seeded accounts in once, into a temporary folder).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedDatabase } from "../lib/core/db/embedded";
import { migrate } from "../lib/core/db/migrations";
import { createPrismaClient } from "../lib/core/db/create-client";
import { seedDemoData } from "../prisma/seed-data";

const cleanups: (() => Promise<unknown> | void)[] = [];

async function freshDatabase(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const embedded = await startEmbeddedDatabase();
    cleanups.push(() => embedded.stop());
    return embedded.url;
  }
  const name = `learning_commons_e2e_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function prepare(url: string) {
  await migrate(url);
  const db = createPrismaClient(url);
  try {
    await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(command, args, { stdio: "inherit", env });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/signin`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000}s`);
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const nextBin = require.resolve("next/dist/bin/next");

  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const databaseUrl = await freshDatabase();
  await prepare(databaseUrl);

  const appPort = await freePort();
  // "localhost", not 127.0.0.1: Next.js rewrites 127.0.0.1 to localhost in route handlers, and
  // the OpenID redirect_uri must read the same at every step.
  const baseUrl = `http://localhost:${appPort}`;
  const oidcPort = await freePort();
  const { startOidcProvider } = await import("../e2e/support/oidc-provider.mjs");
  const oidc = await startOidcProvider({
    port: oidcPort,
    redirectUri: `${baseUrl}/api/auth/callback/oidc`,
    clientId: "learning-commons-e2e",
    clientSecret: "e2e-client-secret",
  });
  cleanups.push(() => oidc.stop());

  const mailDir = await mkdtemp(path.join(os.tmpdir(), "lc-e2e-mail-"));
  const { startMailSink } = await import("../e2e/support/mail-sink");
  const mailSink = await startMailSink(mailDir);
  cleanups.push(async () => {
    await mailSink.stop();
    await rm(mailDir, { recursive: true, force: true });
  });

  const appEnv: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "8",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: baseUrl,
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: "learning-commons-e2e",
    OIDC_CLIENT_SECRET: "e2e-client-secret",
    OIDC_DISPLAY_NAME: "Test SSO",
    SMTP_URL: mailSink.url,
    MAIL_FROM: "Learning Commons <learning@commons.test>",
    // A short batching window for "immediately" mail, so the tests need not wait minutes.
    MAIL_BATCH_WINDOW_SECONDS: "3",
  };
  // The app's own server, as `npm start` runs it (it tells the app each client's address).
  const server = path.join(__dirname, "server.mjs");
  const app = spawn(process.execPath, [server, "start", "--port", String(appPort)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: appEnv,
  });
  cleanups.push(() => {
    app.kill("SIGTERM");
    return new Promise((resolve) =>
      app.exitCode !== null ? resolve(null) : app.once("exit", resolve),
    );
  });
  const worker = spawn(
    process.execPath,
    [
      "--require",
      path.join(__dirname, "server-only-preload.cjs"),
      "--import",
      "tsx",
      path.join(__dirname, "worker.ts"),
    ],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...appEnv, WORKER_POLL_SECONDS: "0.5" } },
  );
  cleanups.push(() => {
    worker.kill("SIGTERM");
    return new Promise((resolve) =>
      worker.exitCode !== null ? resolve(null) : worker.once("exit", resolve),
    );
  });
  await waitForServer(baseUrl, app);

  // The signed-in sessions e2e/auth.setup.ts saves for the run (cookies: removed after it).
  const sessionsDir = await mkdtemp(path.join(os.tmpdir(), "lc-e2e-sessions-"));
  cleanups.push(() => rm(sessionsDir, { recursive: true, force: true }));

  const playwright = require.resolve("@playwright/test/cli");
  return run(process.execPath, [playwright, "test", ...process.argv.slice(2)], {
    ...env,
    E2E_BASE_URL: baseUrl,
    E2E_DATABASE_URL: databaseUrl,
    E2E_MAIL_DIR: mailDir,
    E2E_SESSIONS_DIR: sessionsDir,
  });
}

async function cleanup() {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error("cleanup:", error instanceof Error ? error.message : error);
    }
  }
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanup();
    process.exit(1);
  });
