// Starts the worker with every domain's queues; stops it gracefully on SIGTERM / SIGINT.
import { startWorker, type RunningWorker } from "@/lib/core/jobs/worker";
import { closeMailTransports, mailMode } from "@/lib/core/mail/transport";
import { workerHandlers, workerSchedules } from "./registry";

export async function runWorker(
  options: { log?: (line: string) => void } = {},
): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const worker = await startWorker({
    handlers: workerHandlers,
    schedules: workerSchedules,
    log,
  });
  if (mailMode() === "capture") {
    const note =
      process.env.NODE_ENV === "production"
        ? "SMTP_URL is not set: mail is captured in the database, not sent (see /admin/mailbox)."
        : "Mail is captured, not sent: read it at /admin/mailbox (signed in as an admin).";
    log(note);
  }
  return {
    boss: worker.boss,
    stop: async () => {
      await worker.stop();
      closeMailTransports();
    },
  };
}
