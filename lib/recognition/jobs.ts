// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
// The handler's code is loaded when a job runs, so that listing the queues (migrations, test
// setup) loads neither the environment nor the database client.
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { webhookQueue } from "./webhook/queue";

/** Posts one public recognition to the chat webhook (one job per WebhookDelivery). */
export const webhookHandler = handle(
  webhookQueue,
  async (data, job) => {
    const { deliverRecognition } = await import("./webhook/deliver");
    await deliverRecognition(data, job);
  },
  // Chat services rate-limit bursts: one post at a time per worker.
  { concurrency: 1 },
);

export const jobHandlers: JobHandler[] = [webhookHandler];
export const jobSchedules: Schedule[] = [];
