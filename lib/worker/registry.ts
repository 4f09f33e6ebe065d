// Every queue the worker runs and every schedule it keeps, collected from the domains.
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { deleteOldCapturedMail } from "@/lib/core/mail/captured";
import { defineQueue } from "@/lib/core/jobs/queue";
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import * as account from "@/lib/account/jobs";
import * as asks from "@/lib/asks/jobs";
import * as digest from "@/lib/digest/jobs";
import * as invitations from "@/lib/invitations/jobs";
import * as notifications from "@/lib/notifications/jobs";
import * as recognition from "@/lib/recognition/jobs";
import * as reminders from "@/lib/reminders/jobs";
import * as uploads from "@/lib/uploads/jobs";

const DOMAINS = [
  account,
  asks,
  digest,
  invitations,
  notifications,
  recognition,
  reminders,
  uploads,
];

/** Daily housekeeping: captured mail older than its keeping time. */
export const housekeepingQueue = defineQueue("maintenance.housekeeping", z.object({}).strict());

const housekeeping = handle(housekeepingQueue, async () => {
  await deleteOldCapturedMail(db);
});

export const workerHandlers: JobHandler[] = [
  housekeeping,
  ...DOMAINS.flatMap((domain) => domain.jobHandlers),
];

export const workerSchedules: Schedule[] = [
  { queue: housekeepingQueue, cron: "17 3 * * *" },
  ...DOMAINS.flatMap((domain) => domain.jobSchedules),
];
