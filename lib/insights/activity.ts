// What counts as a member's activity in the insights, as event rows
// (uid, at, c, o, r, heard): one row per event, with
//   c = 1 for a contribution (posting, answering, hosting, recognising),
//   o = 1 for other activity (reacting, commenting, voting, RSVPing, applauding, feedback,
//       check-ins),
//   r = 1 for a public recognition received (one per recipient row),
//   heard = TRUE when the event means the member was "heard from" (a contribution, a session
//       attended, a recognition received).
// A member is active in a period with any c or o event there, and contributing with a c event.
// Deleted and hidden content never counts; survey receipts are never read, so that nothing
// reveals who answered a survey. The roll-up (rollup.ts) stores these per member and day.
import "server-only";
import type { Expression } from "kysely";
import { sql, sqlb } from "@/lib/core/db/typed-sql";
import { utcTimestamp } from "./sql";

/** [lo, hi) as UTC timestamps (typedSpanOf in ./sql, or the roll-up's own bounds). */
export interface EventSpan {
  lo: Expression<Date>;
  hi: Expression<Date>;
}

const published = sql<"PUBLISHED">`'PUBLISHED'`;
const cancelled = sql<"CANCELLED">`'CANCELLED'`;
const going = sql<"GOING">`'GOING'`;

/**
 * Contributions within the span: a discussion or question started; a reply (in a visible
 * discussion); a knowledge post published (at publishedAt); a session hosted, once per host,
 * at its start, when it was held (not cancelled and started before `now`); a public
 * recognition given.
 */
function contributionEvents(span: EventSpan, now: Date) {
  return sqlb
    .selectFrom("Discussion as d")
    .select(["d.authorId as uid", "d.createdAt as at"])
    .where((eb) =>
      eb.and([
        eb("d.deletedAt", "is", null),
        eb("d.hiddenAt", "is", null),
        eb("d.createdAt", ">=", span.lo),
        eb("d.createdAt", "<", span.hi),
      ]),
    )
    .unionAll(
      sqlb
        .selectFrom("Reply as r")
        .innerJoin("Discussion as d", "d.id", "r.discussionId")
        .select(["r.authorId as uid", "r.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("r.deletedAt", "is", null),
            eb("r.hiddenAt", "is", null),
            eb("d.deletedAt", "is", null),
            eb("d.hiddenAt", "is", null),
            eb("r.createdAt", ">=", span.lo),
            eb("r.createdAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("KnowledgePost as k")
        .select((eb) => [
          "k.authorId as uid",
          sql<Date>`${eb.ref("k.publishedAt")}`.as("at"), // not null where published in the span
        ])
        .where((eb) =>
          eb.and([
            eb("k.status", "=", published),
            eb("k.deletedAt", "is", null),
            eb("k.hiddenAt", "is", null),
            eb("k.publishedAt", ">=", span.lo),
            eb("k.publishedAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("SessionHost as h")
        .innerJoin("LearningSession as s", "s.id", "h.sessionId")
        .select(["h.userId as uid", "s.startsAt as at"])
        .where((eb) =>
          eb.and([
            eb("s.status", "<>", cancelled),
            eb("s.startsAt", "<", utcTimestamp(now)),
            eb("s.startsAt", ">=", span.lo),
            eb("s.startsAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("Recognition as g")
        .select(["g.giverId as uid", "g.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("g.deletedAt", "is", null),
            eb("g.hiddenAt", "is", null),
            eb("g.createdAt", ">=", span.lo),
            eb("g.createdAt", "<", span.hi),
          ]),
        ),
    );
}

/**
 * Other activity within the span: a comment on a published post, a reaction to a discussion
 * or reply, a helpful vote, an RSVP created (any answer), applause, session feedback given
 * with one's name (anonymous feedback has no author), a pairing check-in recorded.
 */
function otherActivityEvents(span: EventSpan) {
  return sqlb
    .selectFrom("PostComment as c")
    .innerJoin("KnowledgePost as k", "k.id", "c.postId")
    .select(["c.authorId as uid", "c.createdAt as at"])
    .where((eb) =>
      eb.and([
        eb("c.deletedAt", "is", null),
        eb("c.hiddenAt", "is", null),
        eb("k.deletedAt", "is", null),
        eb("k.hiddenAt", "is", null),
        eb("k.status", "=", published),
        eb("c.createdAt", ">=", span.lo),
        eb("c.createdAt", "<", span.hi),
      ]),
    )
    .unionAll(
      sqlb
        .selectFrom("DiscussionReaction as x")
        .innerJoin("Discussion as d", "d.id", "x.discussionId")
        .select(["x.userId as uid", "x.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("d.deletedAt", "is", null),
            eb("d.hiddenAt", "is", null),
            eb("x.createdAt", ">=", span.lo),
            eb("x.createdAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("ReplyReaction as x")
        .innerJoin("Reply as r", "r.id", "x.replyId")
        .innerJoin("Discussion as d", "d.id", "r.discussionId")
        .select(["x.userId as uid", "x.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("r.deletedAt", "is", null),
            eb("r.hiddenAt", "is", null),
            eb("d.deletedAt", "is", null),
            eb("d.hiddenAt", "is", null),
            eb("x.createdAt", ">=", span.lo),
            eb("x.createdAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("HelpfulVote as v")
        .innerJoin("KnowledgePost as k", "k.id", "v.postId")
        .select(["v.userId as uid", "v.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("k.deletedAt", "is", null),
            eb("k.hiddenAt", "is", null),
            eb("k.status", "=", published),
            eb("v.createdAt", ">=", span.lo),
            eb("v.createdAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("SessionRsvp as v")
        .select(["v.userId as uid", "v.createdAt as at"])
        .where((eb) => eb.and([eb("v.createdAt", ">=", span.lo), eb("v.createdAt", "<", span.hi)])),
    )
    .unionAll(
      sqlb
        .selectFrom("RecognitionApplause as a")
        .innerJoin("Recognition as g", "g.id", "a.recognitionId")
        .select(["a.userId as uid", "a.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("g.deletedAt", "is", null),
            eb("g.hiddenAt", "is", null),
            eb("a.createdAt", ">=", span.lo),
            eb("a.createdAt", "<", span.hi),
          ]),
        ),
    )
    .unionAll(
      sqlb
        .selectFrom("SessionFeedback as f")
        .select((eb) => [
          sql<string>`${eb.ref("f.authorId")}`.as("uid"),
          sql<Date>`CAST(${eb.ref("f.createdOn")} AS timestamp)`.as("at"),
        ])
        .where((eb) => {
          const at = sql<Date>`CAST(${eb.ref("f.createdOn")} AS timestamp)`;
          return eb.and([
            eb("f.authorId", "is not", null),
            eb(at, ">=", span.lo),
            eb(at, "<", span.hi),
          ]);
        }),
    )
    .unionAll(
      sqlb
        .selectFrom("PairingCheckIn as ci")
        .select((eb) => [sql<string>`${eb.ref("ci.authorId")}`.as("uid"), "ci.createdAt as at"])
        .where((eb) =>
          eb.and([
            eb("ci.authorId", "is not", null),
            eb("ci.createdAt", ">=", span.lo),
            eb("ci.createdAt", "<", span.hi),
          ]),
        ),
    );
}

/**
 * Heard from without contributing: a held session attended (RSVP GOING, or marked attended),
 * at its start; a public recognition received (r = 1).
 */
function attendanceAndReceivedEvents(span: EventSpan, now: Date) {
  return sqlb
    .selectFrom("SessionRsvp as v")
    .innerJoin("LearningSession as s", "s.id", "v.sessionId")
    .select(["v.userId as uid", "s.startsAt as at", sql<number>`0`.as("r")])
    .where((eb) =>
      eb.and([
        eb.or([eb("v.status", "=", going), eb("v.attendedAt", "is not", null)]),
        eb("s.status", "<>", cancelled),
        eb("s.startsAt", "<", utcTimestamp(now)),
        eb("s.startsAt", ">=", span.lo),
        eb("s.startsAt", "<", span.hi),
      ]),
    )
    .unionAll(
      sqlb
        .selectFrom("RecognitionRecipient as rr")
        .innerJoin("Recognition as g", "g.id", "rr.recognitionId")
        .select(["rr.userId as uid", "g.createdAt as at", sql<number>`1`.as("r")])
        .where((eb) =>
          eb.and([
            eb("g.deletedAt", "is", null),
            eb("g.hiddenAt", "is", null),
            eb("g.createdAt", ">=", span.lo),
            eb("g.createdAt", "<", span.hi),
          ]),
        ),
    );
}

/** Every activity event within the span, as rows (uid, at, c, o, r, heard); see above. */
export function activityEvents(span: EventSpan, now: Date) {
  return sqlb
    .selectFrom(contributionEvents(span, now).as("e"))
    .select([
      "e.uid",
      "e.at",
      sql<number>`1`.as("c"),
      sql<number>`0`.as("o"),
      sql<number>`0`.as("r"),
      sql<boolean>`TRUE`.as("heard"),
    ])
    .unionAll(
      sqlb
        .selectFrom(otherActivityEvents(span).as("e"))
        .select([
          "e.uid",
          "e.at",
          sql<number>`0`.as("c"),
          sql<number>`1`.as("o"),
          sql<number>`0`.as("r"),
          sql<boolean>`FALSE`.as("heard"),
        ]),
    )
    .unionAll(
      sqlb
        .selectFrom(attendanceAndReceivedEvents(span, now).as("e"))
        .select([
          "e.uid",
          "e.at",
          sql<number>`0`.as("c"),
          sql<number>`0`.as("o"),
          "e.r",
          sql<boolean>`TRUE`.as("heard"),
        ]),
    );
}
