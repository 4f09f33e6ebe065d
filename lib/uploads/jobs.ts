// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { defineQueue } from "@/lib/core/jobs/queue";
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { deleteAbandonedUploads } from "./cleanup";

export const abandonedUploadsQueue = defineQueue("uploads.abandoned", z.object({}).strict());

const deleteAbandoned = handle(abandonedUploadsQueue, async () => {
  await deleteAbandonedUploads(db);
});

export const jobHandlers: JobHandler[] = [deleteAbandoned];
export const jobSchedules: Schedule[] = [{ queue: abandonedUploadsQueue, cron: "41 3 * * *" }];
