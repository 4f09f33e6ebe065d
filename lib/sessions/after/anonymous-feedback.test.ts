// What a reader of the database can learn about who gave an anonymous session rating: the
// links tried on pulse surveys (lib/surveys/anonymity.test.ts), here on feedback. Anonymous
// ratings wait sealed and are released in groups; within a group, nothing tells them apart.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createPastSession, createRsvp } from "@/test/factories-sessions";
import { rateSession } from "./feedback";
import { ANONYMOUS_FEEDBACK_BATCH } from "@/lib/sessions/limits";

interface Row {
  xmin: string;
  key: string;
}

/** A session rated anonymously by a group of members, each with words of their own. */
async function ratedAnonymously() {
  const host = await createMember();
  const session = await createPastSession([host.id]);
  const raters: { id: string; words: string }[] = [];
  for (let i = 0; i < ANONYMOUS_FEEDBACK_BATCH; i += 1) {
    const member = await createMember();
    await createRsvp(session.id, member.id, "GOING");
    const words = `said-${i}-${unique()}${"!".repeat(i * 30)}`;
    await rateSession(member, {
      sessionId: session.id,
      rating: 3,
      comment: words,
      anonymous: "on",
    });
    raters.push({ id: member.id, words });
  }
  const [receipts, feedback] = await Promise.all([
    testDb.$queryRaw<Row[]>`
      SELECT xmin::text AS "xmin", "userId" AS "key" FROM "SessionFeedbackReceipt"
      WHERE "sessionId" = ${session.id} ORDER BY ctid`,
    testDb.$queryRaw<(Row & { id: string; createdOn: Date })[]>`
      SELECT xmin::text AS "xmin", "comment" AS "key", "id", "createdOn" FROM "SessionFeedback"
      WHERE "sessionId" = ${session.id} ORDER BY ctid`,
  ]);
  return { session, raters, receipts, feedback };
}

describe("anonymous session ratings against a reader of the database", () => {
  it("share one transaction, one day and no order with their receipts", async () => {
    const { raters, receipts, feedback } = await ratedAnonymously();
    expect(feedback).toHaveLength(ANONYMOUS_FEEDBACK_BATCH);
    expect(new Set([...receipts, ...feedback].map((row) => row.xmin)).size).toBe(1);
    expect(new Set(feedback.map((row) => row.createdOn.toISOString())).size).toBe(1);
    for (const row of feedback) expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    const sealed = await testDb.sessionFeedbackReceipt.count({
      where: { userId: { in: raters.map((r) => r.id) }, sealed: { not: null } },
    });
    expect(sealed).toBe(0);
  });

  it("are written in an order that matches the raters' no better than chance", async () => {
    // One group of three matches its receipts' order by chance one time in six; ten groups
    // that all match would mean the order gives the authors away.
    let inPhysicalOrder = 0;
    let inIdOrder = 0;
    for (let trial = 0; trial < 10; trial += 1) {
      const { raters, receipts, feedback } = await ratedAnonymously();
      const wordsOf = new Map(raters.map((rater) => [rater.id, rater.words]));
      const matches = (rows: typeof feedback) =>
        receipts.every((receipt, i) => rows[i]!.key === wordsOf.get(receipt.key));
      if (matches(feedback)) inPhysicalOrder += 1;
      if (matches([...feedback].sort((a, b) => a.id.localeCompare(b.id)))) inIdOrder += 1;
    }
    expect(inPhysicalOrder).toBeLessThan(10);
    expect(inIdOrder).toBeLessThan(10);
  });
});
