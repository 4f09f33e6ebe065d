// What goes into the digests of a batch of members, read with a fixed number of statements
// whatever the number of members or items (one per section; pending notifications are
// filtered in their own statement by lib/notifications/access's rule). Every read applies the privacy rules at send time:
// active members only; discussions, posts and recognitions neither deleted nor hidden (in
// mail even an admin does not see hidden content); posts published; muted tags and muted
// discussions left out. Nothing is read from private feedback or pairing spaces.
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb, unionAll } from "@/lib/core/db/typed-sql";
import type { ExpressionBuilder, SqlBool } from "kysely";
import type { DB } from "@/lib/core/db/typed-sql";
import { stillVisibleSql } from "@/lib/notifications/access";
import { everyoneReadsSql, readableContentForMemberSql } from "@/lib/communities/visibility";

/** Items listed per section (the counts still say how many there were). */
export const ITEMS_PER_SECTION = 8;
/** Upcoming sessions: those starting within this many days of the digest. */
export const SESSION_DAYS = 7;
/** Pending notifications older than this are stale and left out of a digest. */
export const NOTIFICATION_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A UTC instant as the `timestamp(3)` columns store it. */
const at = (date: Date) => sql<Date>`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

type Builder = ExpressionBuilder<DB, keyof DB>;

/** Whether the member muted one of the discussion's tags, or the discussion itself. */
function mutedDiscussion(eb: Builder, userRef: string, discussionRef: string) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom("DiscussionTag as mdt")
        .innerJoin("TagMute as mm", "mm.tagId", "mdt.tagId")
        .select(sql`1`.as("one"))
        .where((w) =>
          w.and([
            w("mdt.discussionId", "=", w.ref(discussionRef as "mdt.discussionId")),
            w("mm.userId", "=", w.ref(userRef as "mm.userId")),
          ]),
        ),
    ),
    eb.exists(
      eb
        .selectFrom("DiscussionWatch as mw")
        .select(sql`1`.as("one"))
        .where((w) =>
          w.and([
            w("mw.discussionId", "=", w.ref(discussionRef as "mw.discussionId")),
            w("mw.userId", "=", w.ref(userRef as "mw.userId")),
            w("mw.level", "=", sql<"MUTED">`'MUTED'`),
          ]),
        ),
    ),
  ]);
}

function mutedPost(eb: Builder, userRef: string, postRef: string) {
  return eb.exists(
    eb
      .selectFrom("KnowledgePostTag as mpt")
      .innerJoin("TagMute as mm", "mm.tagId", "mpt.tagId")
      .select(sql`1`.as("one"))
      .where((w) =>
        w.and([
          w("mpt.postId", "=", w.ref(postRef as "mpt.postId")),
          w("mm.userId", "=", w.ref(userRef as "mm.userId")),
        ]),
      ),
  );
}

/**
 * A discussion `d` worth telling member `userRef` about in the period: active in it, neither
 * deleted nor hidden, theirs to read, not their own, not muted.
 */
function newsDiscussionFor(eb: Builder, userRef: string, period: Period) {
  const user = sql.ref(userRef);
  return sql<SqlBool>`(d."lastActivityAt" >= ${at(period.since)} AND d."createdAt" < ${at(period.until)}
    AND d."deletedAt" IS NULL AND d."hiddenAt" IS NULL
    AND ${readableContentForMemberSql("d", user)} AND d."authorId" <> ${user}
    AND NOT ${mutedDiscussion(eb, userRef, "d.id")})`;
}

/** A post `p` published in the period, visible, theirs to read, not their own, not muted. */
function newsPostFor(eb: Builder, userRef: string, period: Period) {
  const user = sql.ref(userRef);
  return sql<SqlBool>`(p.status = 'PUBLISHED' AND p."publishedAt" >= ${at(period.since)}
    AND p."publishedAt" < ${at(period.until)} AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL
    AND ${readableContentForMemberSql("p", user)} AND p."authorId" <> ${user}
    AND NOT ${mutedPost(eb, userRef, "p.id")})`;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

/** The active members among `userIds` (a deactivated member gets no mail). */
export function activeRecipients(userIds: readonly string[]): Promise<Recipient[]> {
  return db.user.findMany({
    where: { id: { in: [...userIds] }, status: "ACTIVE" },
    select: { id: true, name: true, email: true, timeZone: true },
    orderBy: { id: "asc" },
  });
}

export interface Period {
  since: Date;
  until: Date;
}

/** followedContent's branches for the communities members are active in and follow. */
function followedCommunitiesContent(userIds: readonly string[], period: Period) {
  const communityDiscussions = sqlb
    .selectFrom("CommunityMembership as cm")
    .innerJoin("Community as c", "c.id", "cm.communityId")
    .innerJoin("Discussion as d", "d.communityId", "cm.communityId")
    .select([
      "cm.memberId as userId",
      sql<"discussion" | "post">`'discussion'`.as("kind"),
      "d.id",
      "d.title",
      sql<boolean>`d.kind = 'QUESTION'`.as("question"),
      "c.name as via",
      "d.createdAt",
      "d.lastActivityAt as activityAt",
      "d.replyCount",
    ])
    .where((eb) =>
      eb.and([
        eb("cm.memberId", "in", [...userIds]),
        eb("cm.status", "=", sql<"ACTIVE">`'ACTIVE'`),
        eb("cm.following", "=", true),
        eb("c.archivedAt", "is", null),
        newsDiscussionFor(eb as unknown as Builder, "cm.memberId", period),
      ]),
    );
  const communityPosts = sqlb
    .selectFrom("CommunityMembership as cm")
    .innerJoin("Community as c", "c.id", "cm.communityId")
    .innerJoin("KnowledgePost as p", "p.communityId", "cm.communityId")
    .select([
      "cm.memberId as userId",
      sql<"discussion" | "post">`'post'`.as("kind"),
      "p.id",
      "p.title",
      sql<boolean>`false`.as("question"),
      "c.name as via",
      sql<Date>`p."publishedAt"`.as("createdAt"),
      sql<Date>`p."publishedAt"`.as("activityAt"),
      sql<number>`0`.as("replyCount"),
    ])
    .where((eb) =>
      eb.and([
        eb("cm.memberId", "in", [...userIds]),
        eb("cm.status", "=", sql<"ACTIVE">`'ACTIVE'`),
        eb("cm.following", "=", true),
        eb("c.archivedAt", "is", null),
        newsPostFor(eb as unknown as Builder, "cm.memberId", period),
      ]),
    );
  return { communityDiscussions, communityPosts };
}

export type FollowedRow = Awaited<ReturnType<typeof followedContent>>[number];

/**
 * New or active discussions and newly published posts in the members' followed tags and
 * followed communities (none of their own), each once per member with one way it came
 * (`via`: "#Tag" or the community's name), newest activity first; `viaCount` is how many of
 * the member's items came that way, `total` all of them.
 */
export function followedContent(userIds: readonly string[], period: Period) {
  const discussions = sqlb
    .selectFrom("TagFollow as tf")
    .innerJoin("DiscussionTag as dt", "dt.tagId", "tf.tagId")
    .innerJoin("Discussion as d", "d.id", "dt.discussionId")
    .innerJoin("Tag as t", "t.id", "tf.tagId")
    .distinctOn(["tf.userId", "d.id"])
    .select([
      "tf.userId",
      sql<"discussion" | "post">`'discussion'`.as("kind"),
      "d.id",
      "d.title",
      sql<boolean>`d.kind = 'QUESTION'`.as("question"),
      sql<string>`'#' || t.name`.as("via"),
      "d.createdAt",
      "d.lastActivityAt as activityAt",
      "d.replyCount",
    ])
    .where((eb) =>
      eb.and([
        eb("tf.userId", "in", [...userIds]),
        newsDiscussionFor(eb as unknown as Builder, "tf.userId", period),
      ]),
    )
    .orderBy("tf.userId")
    .orderBy("d.id")
    .orderBy("t.name");
  const posts = sqlb
    .selectFrom("TagFollow as tf")
    .innerJoin("KnowledgePostTag as pt", "pt.tagId", "tf.tagId")
    .innerJoin("KnowledgePost as p", "p.id", "pt.postId")
    .innerJoin("Tag as t", "t.id", "tf.tagId")
    .distinctOn(["tf.userId", "p.id"])
    .select([
      "tf.userId",
      sql<"discussion" | "post">`'post'`.as("kind"),
      "p.id",
      "p.title",
      sql<boolean>`false`.as("question"),
      sql<string>`'#' || t.name`.as("via"),
      sql<Date>`p."publishedAt"`.as("createdAt"),
      sql<Date>`p."publishedAt"`.as("activityAt"),
      sql<number>`0`.as("replyCount"),
    ])
    .where((eb) =>
      eb.and([
        eb("tf.userId", "in", [...userIds]),
        newsPostFor(eb as unknown as Builder, "tf.userId", period),
      ]),
    )
    .orderBy("tf.userId")
    .orderBy("p.id")
    .orderBy("t.name");
  const { communityDiscussions, communityPosts } = followedCommunitiesContent(userIds, period);
  // Something in a followed tag and a followed community comes once, by its first way.
  const once = sqlb
    .selectFrom(unionAll("items", discussions, posts, communityDiscussions, communityPosts))
    .distinctOn(["userId", "kind", "id"])
    .selectAll()
    .orderBy("userId")
    .orderBy("kind")
    .orderBy("id")
    .orderBy("via")
    .as("once");
  const ranked = sqlb
    .selectFrom(once)
    .selectAll()
    .select([
      sql<number>`(row_number() OVER (PARTITION BY "userId" ORDER BY "activityAt" DESC, id))::int`.as(
        "rank",
      ),
      sql<number>`(count(*) OVER (PARTITION BY "userId", "via"))::int`.as("viaCount"),
      sql<number>`(count(*) OVER (PARTITION BY "userId"))::int`.as("total"),
    ])
    .as("ranked");
  return rows(
    db,
    sqlb
      .selectFrom(ranked)
      .selectAll()
      .where("rank", "<=", ITEMS_PER_SECTION)
      .orderBy("userId")
      .orderBy("rank"),
  );
}

export type QuestionRow = Awaited<ReturnType<typeof questionsToAnswer>>[number];

/**
 * Questions asked in the period, still without an accepted answer and not locked, tagged
 * with a skill the member offers (tags and skills share one vocabulary: a tag's slug is the
 * skill's), not their own, not muted.
 */
export function questionsToAnswer(userIds: readonly string[], period: Period) {
  const matches = sqlb
    .selectFrom("MemberSkill as ms")
    .innerJoin("Skill as s", "s.id", "ms.skillId")
    .innerJoin("Tag as t", "t.slug", "s.slug")
    .innerJoin("DiscussionTag as dt", "dt.tagId", "t.id")
    .innerJoin("Discussion as d", "d.id", "dt.discussionId")
    .distinctOn(["ms.userId", "d.id"])
    .select(["ms.userId", "d.id", "d.title", "s.name as skillName", "d.replyCount", "d.createdAt"])
    .where((eb) =>
      eb.and([
        eb("ms.userId", "in", [...userIds]),
        eb("ms.kind", "=", sql<"OFFERED">`'OFFERED'`),
        eb("d.kind", "=", sql<"QUESTION">`'QUESTION'`),
        eb("d.createdAt", ">=", at(period.since)),
        eb("d.createdAt", "<", at(period.until)),
        eb("d.acceptedReplyId", "is", null),
        eb("d.lockedAt", "is", null),
        eb("d.deletedAt", "is", null),
        eb("d.hiddenAt", "is", null),
        readableContentForMemberSql("d", eb.ref("ms.userId")),
        eb("d.authorId", "<>", eb.ref("ms.userId")),
        eb.not(mutedDiscussion(eb as unknown as Builder, "ms.userId", "d.id")),
      ]),
    )
    .orderBy("ms.userId")
    .orderBy("d.id")
    .orderBy("s.name")
    .as("matches");
  const ranked = sqlb
    .selectFrom(matches)
    .selectAll()
    .select([
      sql<number>`(row_number() OVER (PARTITION BY "userId" ORDER BY "replyCount", "createdAt" DESC, id))::int`.as(
        "rank",
      ),
      sql<number>`(count(*) OVER (PARTITION BY "userId"))::int`.as("total"),
    ])
    .as("ranked");
  return rows(
    db,
    sqlb
      .selectFrom(ranked)
      .selectAll()
      .where("rank", "<=", ITEMS_PER_SECTION)
      .orderBy("userId")
      .orderBy("rank"),
  );
}

export type SessionRow = Awaited<ReturnType<typeof upcomingSessions>>[number];

/**
 * Scheduled sessions starting in the next SESSION_DAYS (everyone signed in may see every
 * session): the members' own (hosting, going or waitlisted: `userId` set) and, for all of
 * them, those still taking RSVPs that were scheduled in the period (`userId` null).
 */
export function upcomingSessions(userIds: readonly string[], period: Period) {
  const window = (eb: ExpressionBuilder<DB & { s: DB["LearningSession"] }, "s">) =>
    eb.and([
      eb("s.status", "=", sql<"SCHEDULED">`'SCHEDULED'`),
      eb("s.startsAt", ">=", at(period.until)),
      eb("s.startsAt", "<", at(new Date(period.until.getTime() + SESSION_DAYS * DAY_MS))),
    ]);
  const columns = ["s.id", "s.title", "s.startsAt", "s.endsAt"] as const;
  const attending = sqlb
    .selectFrom("SessionRsvp as r")
    .innerJoin("LearningSession as s", "s.id", "r.sessionId")
    .select([
      sql<string | null>`r."userId"`.as("userId"),
      sql<string>`r.status::text`.as("role"),
      ...columns,
    ])
    .where((eb) =>
      eb.and([
        eb("r.userId", "in", [...userIds]),
        window(eb),
        readableContentForMemberSql("s", eb.ref("r.userId")),
      ]),
    );
  const hosting = sqlb
    .selectFrom("SessionHost as h")
    .innerJoin("LearningSession as s", "s.id", "h.sessionId")
    .select([
      sql<string | null>`h."userId"`.as("userId"),
      sql<string>`'HOST'`.as("role"),
      ...columns,
    ])
    .where((eb) =>
      eb.and([
        eb("h.userId", "in", [...userIds]),
        window(eb),
        readableContentForMemberSql("s", eb.ref("h.userId")),
      ]),
    );
  const open = sqlb
    .selectFrom("LearningSession as s")
    .select([
      sql<string | null>`NULL::text`.as("userId"),
      sql<string>`'OPEN'`.as("role"),
      ...columns,
    ])
    .where((eb) =>
      eb.and([
        window(eb),
        // One list for every member: a private community's sessions are never in it.
        everyoneReadsSql("s"),
        eb("s.createdAt", ">=", at(period.since)),
        eb.or([eb("s.capacity", "is", null), eb("s.goingCount", "<", eb.ref("s.capacity"))]),
      ]),
    )
    .orderBy("s.startsAt")
    .limit(ITEMS_PER_SECTION);
  return rows(
    db,
    sqlb
      .selectFrom(unionAll("sessions", attending, hosting, open))
      .selectAll()
      .orderBy("startsAt")
      .orderBy("id"),
  );
}

export type RecognitionRow = Awaited<ReturnType<typeof recognitionsOf>>[number];

/** Recognitions of the members given in the period, neither deleted nor hidden. */
export function recognitionsOf(userIds: readonly string[], period: Period) {
  return rows(
    db,
    sqlb
      .selectFrom("RecognitionRecipient as rr")
      .innerJoin("Recognition as r", "r.id", "rr.recognitionId")
      .innerJoin("User as g", "g.id", "r.giverId")
      .innerJoin("CompanyValue as v", "v.id", "r.valueId")
      .select(["rr.userId", "r.id", "r.createdAt", "g.name as giverName", "v.name as valueName"])
      .where((eb) =>
        eb.and([
          eb("rr.userId", "in", [...userIds]),
          eb("r.createdAt", ">=", at(period.since)),
          eb("r.createdAt", "<", at(period.until)),
          eb("r.deletedAt", "is", null),
          eb("r.hiddenAt", "is", null),
        ]),
      )
      .orderBy("rr.userId")
      .orderBy("r.createdAt", "desc"),
  );
}

export type NotificationRow = Awaited<ReturnType<typeof pendingNotifications>>[number];

/**
 * Unread notifications of these kinds not yet mailed, of the last NOTIFICATION_DAYS, about
 * content the member may still see (lib/notifications/access).
 */
export function pendingNotifications(
  userIds: readonly string[],
  kinds: readonly string[],
  until: Date,
) {
  if (kinds.length === 0) return Promise.resolve([]);
  return rows(
    db,
    sqlb
      .selectFrom("Notification as n")
      .leftJoin("User as a", "a.id", "n.actorId")
      .select(["n.id", "n.recipientId", "n.kind", "n.data", "n.createdAt", "a.name as actorName"])
      .where((eb) =>
        eb.and([
          eb("n.recipientId", "in", [...userIds]),
          eb("n.emailedAt", "is", null),
          eb("n.readAt", "is", null),
          eb("n.kind", "in", [...kinds]),
          eb("n.createdAt", ">=", at(new Date(until.getTime() - NOTIFICATION_DAYS * DAY_MS))),
          eb("n.createdAt", "<", at(until)),
          // The rule the notification centre and the "at once" mail apply.
          stillVisibleSql("n"),
        ]),
      )
      .orderBy("n.recipientId")
      .orderBy("n.createdAt", "desc"),
  );
}

/** Members whose digest of the period was already sent (a retried job skips them). */
export async function alreadySent(keys: readonly string[]): Promise<Set<string>> {
  const found = await db.scheduledMailKey.findMany({
    where: { key: { in: [...keys] } },
    select: { key: true },
  });
  return new Set(found.map((row) => row.key));
}

/** Every stored email choice of the members (defaults apply to kinds without a row). */
export function storedPreferences(userIds: readonly string[]) {
  return db.notificationPreference.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, kind: true, email: true },
  });
}
