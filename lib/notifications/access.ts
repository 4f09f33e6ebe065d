// The one rule for which notifications a member may still be told about, wherever they are
// shown: the list, the unread count, the bell's menu and the "at once" mail. A notification
// names what it is about (ids in its data, or a site path for mentions and tags); it is
// dropped when anything it names is gone, hidden, deleted, unpublished or no longer the
// member's to see (a private community's content once they are no longer an active member of
// it: lib/communities/visibility.ts). In SQL, so that counting and paging apply it before the LIMIT.
import type { Expression, SqlBool } from "kysely";
import { sql, sqlb } from "@/lib/core/db/typed-sql";
import { readableContentForMemberSql } from "@/lib/communities/visibility";

type Ref = ReturnType<typeof sql.ref>;

/** An id the data names: its own field, else the part of its path (mentions, tags). */
function named(n: string, field: string, pathPattern?: string) {
  const fromField = sql`${sql.ref(`${n}.data`)}->>${sql.lit(field)}`;
  if (!pathPattern) return fromField;
  const fromPath = sql`substring(${sql.ref(`${n}.data`)}->>'path' from ${sql.lit(pathPattern)})`;
  return sql`coalesce(${fromField}, ${fromPath})`;
}

/** True when the notification names no such thing, or the thing passes `live`. */
function eitherNoneOr(id: ReturnType<typeof named>, live: Expression<SqlBool>) {
  return sql<boolean>`(${id} IS NULL OR ${live})`;
}

const shown = (alias: string) =>
  sql`${sql.ref(`${alias}.deletedAt`)} IS NULL AND ${sql.ref(`${alias}.hiddenAt`)} IS NULL`;

/**
 * `n` is the alias of the Notification row in the caller's query; what it names is checked
 * with one primary-key lookup per field it has.
 */
export function stillVisibleSql(n: string): Expression<SqlBool> {
  const recipient: Ref = sql.ref(`${n}.recipientId`);
  const discussion = named(n, "discussionId", "^/discussions/([^/?#]+)");
  const reply = named(n, "replyId", "^/discussions/[^/?#]+/replies/([^/?#]+)");
  const post = named(n, "postId", "^/posts/([^/?#]+)");
  const comment = named(n, "commentId", "^/posts/[^/?#]+#comment-(.+)$");
  const recognition = named(n, "recognitionId", "^/recognition/([^/?#]+)");
  const feedback = named(n, "feedbackId");
  const pairing = named(n, "pairingId");
  const session = named(n, "sessionId");
  const readable = (alias: string) => readableContentForMemberSql(alias, recipient);
  return sql<SqlBool>`(${sql.join(
    [
      eitherNoneOr(
        discussion,
        sql`EXISTS (SELECT 1 FROM "Discussion" d
          WHERE d.id = ${discussion} AND ${shown("d")} AND ${readable("d")})`,
      ),
      eitherNoneOr(
        reply,
        sql`EXISTS (SELECT 1 FROM "Reply" r JOIN "Discussion" rd ON rd.id = r."discussionId"
          WHERE r.id = ${reply} AND ${shown("r")} AND ${shown("rd")} AND ${readable("rd")})`,
      ),
      eitherNoneOr(
        post,
        sql`EXISTS (SELECT 1 FROM "KnowledgePost" p
          WHERE p.id = ${post} AND ${shown("p")} AND p.status = 'PUBLISHED' AND ${readable("p")})`,
      ),
      eitherNoneOr(
        comment,
        sql`EXISTS (SELECT 1 FROM "PostComment" c JOIN "KnowledgePost" cp ON cp.id = c."postId"
          WHERE c.id = ${comment} AND ${shown("c")} AND ${shown("cp")} AND cp.status = 'PUBLISHED'
            AND ${readable("cp")})`,
      ),
      eitherNoneOr(
        recognition,
        sql`EXISTS (SELECT 1 FROM "Recognition" g WHERE g.id = ${recognition} AND ${shown("g")})`,
      ),
      eitherNoneOr(
        feedback,
        sql`EXISTS (SELECT 1 FROM "PrivateFeedback" f
          WHERE f.id = ${feedback} AND f."recipientId" = ${recipient})`,
      ),
      eitherNoneOr(
        pairing,
        sql`EXISTS (SELECT 1 FROM "MentorPairing" m
          WHERE m.id = ${pairing} AND ${recipient} IN (m."mentorId", m."menteeId"))`,
      ),
      eitherNoneOr(
        session,
        sql`EXISTS (SELECT 1 FROM "LearningSession" s WHERE s.id = ${session} AND ${readable("s")})`,
      ),
    ],
    sql` AND `,
  )})`;
}

/** The ids among `ids` (one member's notifications) that may still be shown or mailed. */
export function visibleNotificationIds(recipientId: string, ids: readonly string[]) {
  return sqlb
    .selectFrom("Notification as n")
    .select("n.id")
    .where((eb) =>
      eb.and([
        eb("n.recipientId", "=", recipientId),
        eb("n.id", "in", [...ids]),
        stillVisibleSql("n"),
      ]),
    );
}
