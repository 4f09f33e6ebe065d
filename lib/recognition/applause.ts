// "+1" applause on a recognition: one per member, toggled, never from its giver or its
// recipients. applauseCount moves by exactly the rows inserted or deleted, in the same
// transaction, so concurrent clicks cannot drift it.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { mayApplaud, SHOWN_RECOGNITION, THE_RECOGNITION } from "./access";
import { applauseSchema } from "./schemas";

export interface ApplauseOutcome {
  applauded: boolean;
  applauseCount: number;
}

async function assertMayApplaud(tx: TransactionClient, actor: Actor, id: string) {
  const recognition = await tx.recognition.findFirst({
    where: { id, ...SHOWN_RECOGNITION },
    select: {
      giverId: true,
      recipients: { where: { userId: actor.id }, select: { userId: true } },
    },
  });
  if (!recognition) throw new NotFound(THE_RECOGNITION);
  if (!mayApplaud(actor, { ...recognition, received: recognition.recipients.length > 0 })) {
    throw new DomainError("You can't applaud a recognition you gave or received.");
  }
}

/** Adds (`on` true), removes (`on` false) or flips (`on` missing) the actor's applause. */
async function toggle(
  tx: TransactionClient,
  key: { recognitionId: string; userId: string },
  on?: boolean,
) {
  const move = (by: number) =>
    tx.recognition.update({
      where: { id: key.recognitionId },
      data: { applauseCount: { increment: by } },
      select: { applauseCount: true },
    });
  if (on !== false) {
    const { count } = await tx.recognitionApplause.createMany({
      data: [key],
      skipDuplicates: true,
    });
    if (count) return { applauded: true, ...(await move(count)) };
    if (on === true) return { applauded: true, ...(await move(0)) };
  }
  const { count } = await tx.recognitionApplause.deleteMany({ where: key });
  return { applauded: false, ...(await move(-count)) };
}

export async function toggleApplause(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<ApplauseOutcome>> {
  authorize(actor, "update:applause:own");
  const parsed = applauseSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, on } = parsed.data;
  const outcome = await db.$transaction(async (tx) => {
    await assertMayApplaud(tx, actor, id);
    return toggle(tx, { recognitionId: id, userId: actor.id }, on);
  });
  return {
    ok: true,
    message: outcome.applauded ? "You applauded this recognition." : "Applause removed.",
    data: outcome,
  };
}
