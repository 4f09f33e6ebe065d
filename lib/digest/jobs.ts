// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
// Every hour the planner marks and enqueues the digests due in that hour (./plan.ts); the
// send jobs build and mail them in batches (./send.tsx).
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { planDigests } from "./plan";
import { planDigestsQueue, sendDigestsQueue } from "./queues";
import { sendDigests } from "./send";

export { planDigestsQueue, sendDigestsQueue };

export const planDigestsHandler = handle(planDigestsQueue, async () => {
  await planDigests();
});

export const sendDigestsHandler = handle(
  sendDigestsQueue,
  async (data, job) => {
    await sendDigests(data, {
      finalAttempt: job.retryCount >= sendDigestsQueue.retry.retryLimit,
    });
  },
  { concurrency: 4 },
);

export const jobHandlers: JobHandler[] = [planDigestsHandler, sendDigestsHandler];

/** At five past every hour (UTC): each zone's 08:00 hour comes round once a day. */
export const jobSchedules: Schedule[] = [{ queue: planDigestsQueue, cron: "5 * * * *" }];
