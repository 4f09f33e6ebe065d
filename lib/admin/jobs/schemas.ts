// What the failed-jobs page accepts: the retry button's form and the page's URL query.
import { z } from "zod";
import { urlText } from "@/lib/core/forms/text";

/** pg-boss queue names (see lib/core/jobs/queue.ts) and job ids (uuids). */
export const retryJobSchema = z.object({
  queue: z.string("Missing queue.").regex(/^[a-z][a-z0-9_.-]{0,62}$/, "Unknown queue."),
  id: z.uuid("Unknown job."),
});

export const jobsPageQuerySchema = z.object({
  cursor: urlText(500).optional(),
  mailCursor: urlText(500).optional(),
});

export type JobsPageQuery = z.infer<typeof jobsPageQuerySchema>;
