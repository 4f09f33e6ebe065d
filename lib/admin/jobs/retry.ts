// Putting a failed job back in its queue: admins only, audited.
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { retryFailedJob } from "@/lib/core/jobs/failed";
import { retryJobSchema } from "./schemas";

export const NO_LONGER_FAILED =
  "This job is no longer failed: it was retried already, or removed after its keeping time.";

export async function retryJob(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = retryJobSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { queue, id } = parsed.data;
  if (!(await retryFailedJob(db, queue, id))) return failure(NO_LONGER_FAILED);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "job.retry",
      entityType: "Job",
      entityId: id,
      after: { queue },
    }),
  );
  return success("Queued again. It runs with the next worker poll.");
}
