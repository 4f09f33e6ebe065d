// A session's uploads are mentioned in any of its texts: the description and plan written when
// it is scheduled, and the notes written after it. They are bound to the session as a whole.
import { syncAttachments } from "@/lib/attachments/bind";
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { LearningSession } from "@/lib/generated/prisma/client";

type SessionTexts = Pick<
  LearningSession,
  "id" | "description" | "goals" | "scope" | "openQuestions" | "summary" | "takeaways"
>;

/** Binds the writer's uploads the session's texts mention, and releases those none mentions. */
export function syncSessionAttachments(
  tx: TransactionClient,
  writerId: string,
  session: SessionTexts,
): Promise<void> {
  const { description, goals, scope, openQuestions, summary, takeaways } = session;
  const texts = [description, goals, scope, openQuestions, summary ?? "", takeaways ?? ""];
  return syncAttachments(tx, {
    ownerId: writerId,
    markdown: texts.join("\n"),
    target: { type: "SESSION", id: session.id },
  });
}
