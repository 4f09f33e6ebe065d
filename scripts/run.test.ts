// The launcher (`npm run dev`) end to end: embedded database, migration, first-run seed,
// Next.js and the background worker; then Ctrl-C (SIGINT to the whole process group, as a terminal sends it) must
// stop every process, exit 0 and leave a data folder that opens again with its data, at
// whatever moment it comes.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedDatabase } from "@/lib/core/db/embedded";
import { createPrismaClient } from "@/lib/core/db/create-client";

// The command `npm run dev` runs (`node --import tsx scripts/run.ts dev`), not the `tsx`
// command, whose own Ctrl-C handling kills a busy launcher (see scripts/run.ts).
const DEV_COMMAND: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.dev;

interface Run {
  child: ChildProcess;
  output: () => string;
}

function launch(dataDir: string, port: number): Run {
  let output = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_DATA_DIR: dataDir,
    NEXT_DIST_DIR: ".next-launcher-test",
    PORT: String(port),
    NODE_ENV: "development",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  // detached: its own process group, so we can signal the group like a terminal does.
  const [node, ...args] = DEV_COMMAND.split(" ");
  expect(node).toBe("node");
  const child = spawn(process.execPath, args, { env, detached: true });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function waitFor(run: Run, pattern: RegExp, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null) throw new Error(`launcher exited early:\n${run.output()}`);
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${pattern}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function interrupt(run: Run): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => run.child.once("exit", resolve));
  process.kill(-run.child.pid!, "SIGINT");
  const code = await exited;
  const deadline = Date.now() + 15_000;
  while (groupAlive(run.child.pid!) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  return code;
}

describe("npm run dev on the embedded database", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup) await fn();
  });

  it(
    "starts, serves, stops cleanly on Ctrl-C, and keeps its data",
    { timeout: 240_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "lc-launcher-"));
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      const port = await freePort();

      const first = launch(dataDir, port);
      cleanup.push(
        async () =>
          void (groupAlive(first.child.pid!) && process.kill(-first.child.pid!, "SIGKILL")),
      );
      await waitFor(first, /Ready in/);
      expect(first.output()).toContain("First run of the embedded database");
      // The background worker runs beside Next.js, on the same embedded database.
      await waitFor(first, /\[worker\] Worker running \d+ queue/);
      const response = await fetch(`http://localhost:${port}/signin`);
      expect(response.status).toBe(200);

      expect(await interrupt(first)).toBe(0);
      expect(groupAlive(first.child.pid!)).toBe(false);
      expect(existsSync(path.join(dataDir, "pglite", "pglite.pid"))).toBe(false);

      // The data folder opens again, with the migrations and the demo data in it.
      const db = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite") });
      const client = createPrismaClient(db.url);
      expect(await client.user.count({ where: { email: "admin@example.com" } })).toBe(1);
      await client.$disconnect();
      await db.stop();

      // A second start keeps the data: no first-run seeding.
      const second = launch(dataDir, port);
      cleanup.push(
        async () =>
          void (groupAlive(second.child.pid!) && process.kill(-second.child.pid!, "SIGKILL")),
      );
      await waitFor(second, /Ready in/);
      expect(second.output()).not.toContain("First run");
      expect(await interrupt(second)).toBe(0);
      expect(groupAlive(second.child.pid!)).toBe(false);
    },
  );

  // Ctrl-C during start-up used to kill the launcher before it had any signal handler (exit
  // 130, the database's lock file left behind). The first output line comes as soon as the
  // database is open, so a Ctrl-C right after it lands in the migrations on a new folder,
  // and on a migrated one in the first-run seed or while Next.js starts.
  it(
    "stops cleanly and exits 0 on Ctrl-C right after its first output line",
    { timeout: 240_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "lc-launcher-"));
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const migrations = readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) =>
        entry.isDirectory(),
      ).length;

      for (const attempt of ["new data folder", "migrated data folder"]) {
        const run = launch(dataDir, port);
        cleanup.push(
          async () => void (groupAlive(run.child.pid!) && process.kill(-run.child.pid!, "SIGKILL")),
        );
        await waitFor(run, /\n/);
        expect(await interrupt(run), `${attempt}:\n${run.output()}`).toBe(0);
        expect(groupAlive(run.child.pid!)).toBe(false);
        expect(existsSync(path.join(dataDir, "pglite", "pglite.pid"))).toBe(false);

        // The migration under way when Ctrl-C came was finished, not cut in half.
        const db = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite") });
        const client = createPrismaClient(db.url);
        const applied = await client.$queryRaw<{ count: bigint }[]>`
          SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
        expect(Number(applied[0]!.count)).toBe(migrations);
        await client.$disconnect();
        await db.stop();
      }
    },
  );
});
