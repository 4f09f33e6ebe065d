// The digest's two queues: the hourly planner (one job per hour, whatever the number of
// workers) and the sending of a batch of members' digests of one period.
import { z } from "zod";
import { defineQueue } from "@/lib/core/jobs/queue";
import { DIGEST_FREQUENCIES } from "./period";

/** Members whose digests one job builds and sends (its statements are shared by the batch). */
export const MEMBERS_PER_JOB = 25;

export const planDigestsQueue = defineQueue("digest.plan", z.object({}).passthrough(), {
  retry: { retryLimit: 2, retryDelay: 60 },
});

export const sendDigestsQueue = defineQueue(
  "digest.send",
  z.object({
    frequency: z.enum(DIGEST_FREQUENCIES),
    /** When it was planned: the end of the period the digests cover. */
    until: z.iso.datetime(),
    userIds: z.array(z.string().min(1).max(64)).min(1).max(100),
  }),
);

export type SendDigestsJob = z.infer<typeof sendDigestsQueue.data>;
