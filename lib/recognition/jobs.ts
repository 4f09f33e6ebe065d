// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { deliverRecognition } from "./webhook/deliver";
import { webhookQueue } from "./webhook/queue";

/** Posts one public recognition to the chat webhook (one job per WebhookDelivery). */
export const webhookHandler = handle(webhookQueue, (data, job) => deliverRecognition(data, job), {
  // Chat services rate-limit bursts: one post at a time per worker.
  concurrency: 1,
});

export const jobHandlers: JobHandler[] = [webhookHandler];
export const jobSchedules: Schedule[] = [];
