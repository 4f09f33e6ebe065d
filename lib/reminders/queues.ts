// The reminders' two queues: the planner (one empty job per schedule period) and the mail
// jobs, each with a few reminders (one per item, time and recipient) whose data says what to
// re-check before sending.
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { defineQueue } from "@/lib/core/jobs/queue";

/** A calendar date as written in keys and job data: "2026-12-07". */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const common = { key: z.string().min(1).max(300), userId: idSchema };

export const reminderMail = z.discriminatedUnion("family", [
  z.object({
    family: z.literal("session"),
    ...common,
    sessionId: idSchema,
    offset: z.enum(["24h", "1h"]),
    /** The start it was planned for: a session moved since gets reminders of its own. */
    startsAt: z.iso.datetime(),
  }),
  z.object({
    family: z.literal("action_item"),
    ...common,
    itemId: idSchema,
    phase: z.enum(["due_tomorrow", "overdue"]),
    dueOn: day,
  }),
  z.object({ family: z.literal("mentorship"), ...common, pairingId: idSchema, dueOn: day }),
  z.object({
    family: z.literal("pairing_overdue"),
    ...common,
    pairings: z
      .array(z.object({ pairingId: idSchema, dueOn: day }))
      .min(1)
      .max(500),
  }),
  z.object({ family: z.literal("post_review"), ...common, postId: idSchema, reviewBy: day }),
  z.object({
    family: z.literal("survey"),
    ...common,
    surveyId: idSchema,
    phase: z.enum(["opened", "closing"]),
  }),
]);

export type ReminderMail = z.infer<typeof reminderMail>;
export type ReminderFamily = ReminderMail["family"];

export const reminderPlanQueue = defineQueue("reminders.plan", z.object({}).passthrough(), {
  // A missed period is made up by the next one (the planner looks back), so retry little.
  retry: { retryLimit: 1, retryDelay: 30, expireInSeconds: 4 * 60 },
});

/**
 * Reminders one mail job sends. A survey reaches every member: one job per member would
 * take the planner minutes to queue (about 10 ms per job); 10 a job keep it to seconds and
 * still let several workers share the sending.
 */
export const MAILS_PER_JOB = 10;

export const reminderMailJob = z.object({
  mails: z.array(reminderMail).min(1).max(MAILS_PER_JOB),
});

export type ReminderMailJob = z.infer<typeof reminderMailJob>;

export const reminderMailQueue = defineQueue("reminders.mail", reminderMailJob, {
  retry: { retryLimit: 5, retryDelay: 60 },
});
