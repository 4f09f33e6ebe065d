// An extra digest worker process for `npm run bench -- --digest --digest-workers N`: runs the
// digest send handler as `npm run worker` would, and on SIGTERM reports the statements it
// sent and the CPU it used as one JSON line. Started by scripts/bench/digest.ts only.
import "../server-only-preload.cjs";
import { countingClient } from "./digest-counting";

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  const counting = countingClient(databaseUrl);
  const cpu = process.cpuUsage();
  const { startWorker } = await import("../../lib/core/jobs/worker");
  const { sendDigestsHandler } = await import("../../lib/digest/jobs");
  const worker = await startWorker({
    connectionString: databaseUrl,
    handlers: [{ ...sendDigestsHandler, concurrency: Number(process.env.DIGEST_CONCURRENCY) }],
    pollingIntervalSeconds: 0.5,
  });
  console.log("ready");
  process.once("SIGTERM", async () => {
    await worker.stop();
    const used = process.cpuUsage(cpu);
    console.log(
      JSON.stringify({
        statements: counting.statements(),
        cpuMs: (used.user + used.system) / 1000,
      }),
    );
    await counting.client.$disconnect();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
