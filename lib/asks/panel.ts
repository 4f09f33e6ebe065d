// What the thread's "asks" panel shows, in one statement: the viewer's own ask (with its
// reasons) if they were asked, and — for the asker only — the names of the colleagues asked.
// Never anyone's answer to an ask: a pass is seen by the member who passed, and nobody else.
import "server-only";
import { db } from "@/lib/core/db/client";
import { sql, sqlb, rows } from "@/lib/core/db/typed-sql";
import type { MyAsk } from "./queries";
import { ASKS_PER_ROUND } from "./ranking";
import { MAX_ROUNDS } from "./respond";

export type { MyAsk };

export interface AskPanel {
  isQuestion: boolean;
  isAsker: boolean;
  open: boolean;
  myAsk: MyAsk | null;
  /** For the asker: who was asked (no outcome). Empty for everyone else. */
  askedNames: string[];
  /** Whether "Find someone who can answer" is offered. */
  canFindHelpers: boolean;
}

/** The panel for `viewerId` on a discussion the page already showed them (so they may read it). */
export async function loadAskPanel(
  viewerId: string,
  discussionId: string,
): Promise<AskPanel | null> {
  const [row] = await rows(
    db,
    sqlb
      .selectFrom("Discussion as d")
      .select((eb) => [
        "d.kind",
        "d.authorId",
        "d.acceptedReplyId",
        "d.lockedAt",
        "d.deletedAt",
        "d.hiddenAt",
        sql<MyAsk | null>`(SELECT json_build_object('id', a.id, 'status', a.status,
            'reasons', a.reasons, 'askedByName', ab.name)
           FROM "Ask" a LEFT JOIN "User" ab ON ab.id = a."askedById"
          WHERE a."discussionId" = ${eb.ref("d.id")} AND a."askedMemberId" = ${viewerId})`.as(
          "myAsk",
        ),
        sql<string[]>`ARRAY(SELECT u.name FROM "Ask" a JOIN "User" u ON u.id = a."askedMemberId"
          WHERE a."discussionId" = ${eb.ref("d.id")} AND ${eb.ref("d.authorId")} = ${viewerId}
          ORDER BY a."createdAt", a.id)`.as("askedNames"),
        sql<number>`(SELECT count(*)::int FROM "Ask" a WHERE a."discussionId" = ${eb.ref("d.id")})`.as(
          "askCount",
        ),
      ])
      .where("d.id", "=", discussionId),
  );
  if (!row) return null;
  const isQuestion = row.kind === "QUESTION";
  const open = !row.acceptedReplyId && !row.lockedAt && !row.deletedAt && !row.hiddenAt;
  return {
    isQuestion,
    isAsker: row.authorId === viewerId,
    open,
    myAsk: row.myAsk,
    askedNames: row.askedNames,
    canFindHelpers: isQuestion && open && row.askCount < MAX_ROUNDS * ASKS_PER_ROUND,
  };
}
