// The automatic routing: questions with no reply after the set number of hours are routed to
// colleagues once. Idempotent: a question that has any ask is never picked again, and the
// unique (question, member) pair makes a second run at the same time ask nobody twice.
import { db } from "@/lib/core/db/client";
import { getSetting } from "@/lib/core/settings/queries";
import { routeTopic } from "./route";

/** Questions older than this are left alone (a week-old silence is not news to anyone). */
export const ROUTE_WINDOW_DAYS = 7;
/** At most this many questions per run; the next run takes the rest. */
export const ROUTE_BATCH = 100;

const HOUR_MS = 60 * 60 * 1000;

/** The questions waiting for an automatic round, oldest first. */
export async function unansweredQuestions(now: Date, hours: number): Promise<string[]> {
  const rows = await db.discussion.findMany({
    where: {
      kind: "QUESTION",
      createdAt: {
        lte: new Date(now.getTime() - hours * HOUR_MS),
        gt: new Date(now.getTime() - ROUTE_WINDOW_DAYS * 24 * HOUR_MS),
      },
      replyCount: 0,
      acceptedReplyId: null,
      deletedAt: null,
      hiddenAt: null,
      lockedAt: null,
      asks: { none: {} },
    },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: ROUTE_BATCH,
  });
  return rows.map((row) => row.id);
}

/** Routes every waiting question once; returns how many members were asked. */
export async function routeUnanswered(
  now = new Date(),
): Promise<{ questions: number; asked: number }> {
  const hours = await getSetting("asks.routeAfterHours");
  const ids = await unansweredQuestions(now, hours);
  let asked = 0;
  for (const id of ids) {
    const outcome = await routeTopic({ kind: "question", id }, { askedById: null, now });
    asked += outcome.asked.length;
  }
  return { questions: ids.length, asked };
}
