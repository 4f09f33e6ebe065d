// The notes hosts record after a session: a summary, key takeaways and a recording link.
// Only the session's hosts and leaders/admins write them, and only once it has started.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { success, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import { assertNotCancelled, sessionForManager } from "@/lib/sessions/access";
import { syncSessionAttachments } from "@/lib/sessions/attachments";
import { saveNotesSchema } from "./schemas";

/** Whether the session has begun: notes, action items and ratings open at its start. */
export function hasStarted(session: { startsAt: Date }, now = new Date()): boolean {
  return session.startsAt.getTime() <= now.getTime();
}

/** Refuses notes and action items for a session that is cancelled or has not started. */
export function assertNotesOpen(session: { status: string; startsAt: Date }, what: string): void {
  assertNotCancelled(session, `it has no ${what}`);
  if (!hasStarted(session)) {
    throw new DomainError(`You can record ${what} once the session has started.`);
  }
}

/** Saves the session's notes; an empty field clears it. */
export async function saveNotes(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = saveNotesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId, summary, takeaways, recordingUrl } = parsed.data;
  await db.$transaction(async (tx) => {
    const session = await sessionForManager(tx, actor, sessionId);
    assertNotesOpen(session, "notes");
    const saved = await tx.learningSession.update({
      where: { id: sessionId },
      data: {
        summary: summary || null,
        takeaways: takeaways || null,
        recordingUrl,
        notesUpdatedAt: new Date(),
      },
    });
    await syncSessionAttachments(tx, actor.id, saved);
  });
  return success("Notes saved.");
}
