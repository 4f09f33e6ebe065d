// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
// Every five minutes the planner finds the reminders due and queues one mail job for each,
// once (see plan-store.ts); the mail job re-checks and sends.
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { planReminders } from "./plan";
import { reminderMailQueue, reminderPlanQueue } from "./queues";
import { sendReminders } from "./send";

export const planHandler = handle(reminderPlanQueue, async () => {
  await planReminders(new Date());
});

export const mailHandler = handle(
  reminderMailQueue,
  async (data, job) => {
    await sendReminders(data.mails, job);
  },
  { concurrency: 4 },
);

export const jobHandlers: JobHandler[] = [planHandler, mailHandler];
export const jobSchedules: Schedule[] = [{ queue: reminderPlanQueue, cron: "*/5 * * * *" }];
