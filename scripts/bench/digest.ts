// The digest benchmark (`npm run bench -- --digest`, issue 17 §6): plans and sends every
// member's weekly digest on the bench seed, in this process, through a real pg-boss worker
// into a local SMTP server that only counts what it receives. Reports the total worker time,
// the statements per digest and the messages per second, with the floor measured in the same
// run: the same number of minimal messages handed to the same SMTP server by the same
// transport, with no database and no rendering.
import "../server-only-preload.cjs";
import os from "node:os";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import type net from "node:net";
import { BENCH_MEMBER_DOMAIN } from "./constants";
import { countingClient } from "./digest-counting";

export interface DigestBenchOptions {
  databaseUrl: string;
  /** Send jobs run at once by each worker (each a batch of members). */
  concurrency: number;
  /** Worker processes: this one, plus one child process per extra worker. */
  workers: number;
  log: (line: string) => void;
}

export interface DigestBenchResult {
  activeMembers: number;
  workers: number;
  planned: number;
  jobs: number;
  sent: number;
  /** Planned digests with nothing new in them (no mail, by design). */
  empty: number;
  received: number;
  failedJobs: number;
  planSeconds: number;
  totalSeconds: number;
  messagesPerSecond: number;
  statements: number;
  statementsPerDigest: number;
  /** CPU time of this process (user + system) per digest sent: what the load average cannot take away. */
  cpuMsPerDigest: number;
  floor: { messages: number; seconds: number; messagesPerSecond: number; cpuMsPerMessage: number };
  loadAverage: { before: number[]; after: number[]; uptime: string };
}

interface CountingSmtp {
  url: string;
  received: () => number;
  close: () => Promise<void>;
}

/** smtp-server on 127.0.0.1 that reads and counts each message, keeping none. */
async function countingSmtp(): Promise<CountingSmtp> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function refuseUnlessBench(pool: pg.Pool) {
  const { rows } = await pool.query<{ bench: number; others: number }>(
    `SELECT count(*) FILTER (WHERE email LIKE $1)::int AS bench,
            count(*) FILTER (WHERE email NOT LIKE $1 AND email NOT LIKE '%@example.com')::int AS others
       FROM "User"`,
    [`%@${BENCH_MEMBER_DOMAIN}`],
  );
  if (!rows[0] || rows[0].bench === 0 || rows[0].others > 0) {
    throw new Error(
      "The digest benchmark writes mail records and marks notifications as mailed: it runs only " +
        "on a database filled by `npm run bench:seed` (and the demo seed).",
    );
  }
}

/** Forgets earlier runs' digest keys and waiting digest jobs, so every member is due again. */
async function resetDigests(pool: pg.Pool) {
  await pool.query(`DELETE FROM "ScheduledMailKey" WHERE key LIKE 'digest:%'`);
  await pool.query(
    `DELETE FROM pgboss.job WHERE name = 'digest.send' AND state IN ('created', 'retry', 'active')`,
  );
}

/** The Monday 08:05 UTC of this week, and each hour from 14 before to 14 after it. */
function mondayHours(now = new Date()): Date[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8, 5));
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  return Array.from({ length: 29 }, (_, i) => new Date(monday.getTime() + (i - 14) * 3_600_000));
}

async function floorRun(messages: number): Promise<DigestBenchResult["floor"]> {
  const { smtpTransport } = await import("../../lib/core/mail/transport");
  const transport = smtpTransport();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < messages; i++) {
    const sending = transport
      .sendMail({
        from: process.env.MAIL_FROM,
        to: `floor.${i}@${BENCH_MEMBER_DOMAIN}`,
        subject: "Floor",
        text: "Floor message.",
      })
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    if (inFlight.size >= 20) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return {
    messages,
    seconds: round(seconds),
    messagesPerSecond: round(messages / seconds),
    cpuMsPerMessage: round(cpuMs(process.cpuUsage(cpu)) / messages, 2),
  };
}

interface ExtraWorker {
  child: ChildProcess;
  /** Resolves with the statements and CPU it reports when stopped. */
  report: Promise<{ statements: number; cpuMs: number }>;
}

/** An extra worker process (scripts/bench/digest-worker.ts), once it is running. */
async function startExtraWorker(concurrency: number): Promise<ExtraWorker> {
  const scripts = path.resolve(__dirname, "..");
  const child = spawn(
    process.execPath,
    [
      "--require",
      path.join(scripts, "server-only-preload.cjs"),
      "--import",
      "tsx",
      path.join(scripts, "bench", "digest-worker.ts"),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: "production", DIGEST_CONCURRENCY: String(concurrency) },
    },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  let ready: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const report = new Promise<{ statements: number; cpuMs: number }>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line === "ready") ready();
      else if (line.startsWith("{")) resolve(JSON.parse(line));
    });
    child.once("exit", (code) => reject(new Error(`A digest worker exited with code ${code}.`)));
  });
  report.catch(() => undefined);
  await Promise.race([started, report]);
  return { child, report };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function waitForJobs(pool: pg.Pool, since: Date): Promise<number> {
  for (;;) {
    const { rows } = await pool.query<{ waiting: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS waiting,
              count(*) FILTER (WHERE state = 'failed')::int AS failed
         FROM pgboss.job WHERE name = 'digest.send' AND created_on >= $1`,
      [since],
    );
    if (rows[0]!.waiting === 0) return rows[0]!.failed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runDigestBench(options: DigestBenchOptions): Promise<DigestBenchResult> {
  const { databaseUrl, log } = options;
  // Measured as the worker runs in production: React's development build (which `npm run
  // worker` loads when NODE_ENV is unset) spends more time rendering than SMTP does.
  // Set before the app's modules (and React) are first loaded below.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const smtp = await countingSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Learning Commons <digest@bench.example.com>";
  const counting = countingClient(databaseUrl);
  try {
    await refuseUnlessBench(pool);
    await resetDigests(pool);
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "User" WHERE status = 'ACTIVE'`,
    );
    const activeMembers = rows[0]!.n;
    const before = os.loadavg();

    log(`Floor: ${activeMembers} minimal messages to the counting SMTP server…`);
    const floor = await floorRun(activeMembers);
    log(`  ${floor.messagesPerSecond} messages/s (${floor.seconds} s)`);

    const { startWorker } = await import("../../lib/core/jobs/worker");
    const { planDigests } = await import("../../lib/digest/plan");
    const { sendDigestsHandler } = await import("../../lib/digest/jobs");
    const worker = await startWorker({
      connectionString: databaseUrl,
      handlers: [{ ...sendDigestsHandler, concurrency: options.concurrency }],
      pollingIntervalSeconds: 0.5,
    });
    const extra = await Promise.all(
      Array.from({ length: options.workers - 1 }, () => startExtraWorker(options.concurrency)),
    );
    const receivedBefore = smtp.received();
    const statementsBefore = counting.statements();
    const started = new Date();
    const t0 = performance.now();
    const cpu = process.cpuUsage();
    let planned = 0;
    let jobs = 0;
    log(`Planning the weekly digests (the planner at each hour of this Monday, UTC−14 to UTC+14)…`);
    for (const now of mondayHours()) {
      const result = await planDigests({ now });
      planned += result.planned;
      jobs += result.jobs;
    }
    const planSeconds = (performance.now() - t0) / 1000;
    log(`  ${planned} digests planned in ${jobs} jobs in ${round(planSeconds)} s; sending…`);
    const failedJobs = await waitForJobs(pool, started);
    const totalSeconds = (performance.now() - t0) / 1000;
    let statements = counting.statements() - statementsBefore;
    let cpuUsed = cpuMs(process.cpuUsage(cpu));
    await worker.stop();
    for (const { child, report } of extra) {
      child.kill("SIGTERM");
      const reported = await report;
      statements += reported.statements;
      cpuUsed += reported.cpuMs;
    }
    const { rows: mail } = await pool.query<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM "EmailMessage"
        WHERE kind = 'digest.weekly' AND status = 'SENT' AND "createdAt" >= $1::timestamptz AT TIME ZONE 'UTC'`,
      [started.toISOString()],
    );
    const sent = mail[0]!.sent;
    const received = smtp.received() - receivedBefore;
    return {
      activeMembers,
      workers: options.workers,
      planned,
      jobs,
      sent,
      empty: planned - sent,
      received,
      failedJobs,
      planSeconds: round(planSeconds, 2),
      totalSeconds: round(totalSeconds, 2),
      messagesPerSecond: round(sent / totalSeconds),
      statements,
      statementsPerDigest: round(statements / Math.max(sent, 1), 2),
      cpuMsPerDigest: round(cpuUsed / Math.max(sent, 1), 2),
      floor,
      loadAverage: {
        before: before.map((n) => round(n, 2)),
        after: os.loadavg().map((n) => round(n, 2)),
        uptime: execFileSync("uptime").toString().trim(),
      },
    };
  } finally {
    const { closeMailTransports } = await import("../../lib/core/mail/transport");
    closeMailTransports();
    await smtp.close();
    await counting.client.$disconnect();
    await pool.end();
  }
}

export function formatDigestResult(r: DigestBenchResult): string {
  return [
    `digests: ${r.sent} sent (${r.received} received by SMTP), ${r.empty} with nothing new, of ${r.planned} planned for ${r.activeMembers} active members in ${r.jobs} jobs by ${r.workers} worker process(es); failed jobs ${r.failedJobs}`,
    `worker time: ${r.totalSeconds} s in all (planning ${r.planSeconds} s) → ${r.messagesPerSecond} messages/s`,
    `statements: ${r.statements} (${r.statementsPerDigest} per digest sent)`,
    `CPU of the worker process(es): ${r.cpuMsPerDigest} ms per digest (planning, reads, rendering, SMTP client and server)`,
    `floor (same run, same SMTP server and transport, no database, no rendering): ${r.floor.messagesPerSecond} messages/s, ${r.floor.cpuMsPerMessage} ms CPU per message`,
    `load: before ${r.loadAverage.before.join(", ")}; ${r.loadAverage.uptime}`,
  ].join("\n");
}
