// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { defineQueue } from "@/lib/core/jobs/queue";
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { deleteAbandonedUploads, purgeReleasedUploads } from "./cleanup";

export const abandonedUploadsQueue = defineQueue("uploads.abandoned", z.object({}).strict());
export const releasedUploadsQueue = defineQueue("uploads.released", z.object({}).strict());

const deleteAbandoned = handle(abandonedUploadsQueue, async () => {
  await deleteAbandonedUploads(db);
});

const purgeReleased = handle(releasedUploadsQueue, async () => {
  await purgeReleasedUploads(db);
});

export const jobHandlers: JobHandler[] = [deleteAbandoned, purgeReleased];
export const jobSchedules: Schedule[] = [
  { queue: abandonedUploadsQueue, cron: "41 3 * * *" },
  { queue: releasedUploadsQueue, cron: "47 3 * * *" },
];
