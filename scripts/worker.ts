// `npm run worker`: the background worker alone (mail, digests, reminders, webhooks), for
// running web and worker as separate processes. `npm run dev` / `npm start` start this same
// file as a child process unless WORKER=off. Needs DATABASE_URL (and AUTH_SECRET is not used).
import { validateEnvironment } from "../lib/core/env/validate.cjs";

// Alone (`npm run worker`) it is a production process unless told otherwise: React's
// development build renders mail several times slower. `npm run dev` passes "development".
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });

async function main() {
  validateEnvironment(process.env);
  if (!process.env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is not set. The worker needs the app's database (the embedded one runs inside `npm run dev`).",
    );
    process.exit(1);
  }
  const { runWorker } = await import("../lib/worker/run");
  const worker = await runWorker();
  // A parent that waits for the worker (npm run dev, the e2e runner) hears when it is ready.
  process.send?.({ type: "ready" });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
