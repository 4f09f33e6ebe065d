// A member's activity on their profile: the questions they asked, their answers (accepted ones
// marked), their knowledge posts, the sessions they hosted and the recognition they received,
// each counted, with the newest few (the profile) or one kind page by page (the activity page).
// A fixed number of statements however much there is: the counts are one statement, the
// profile's newest items one (a UNION ALL of the kinds), a page of one kind one.
//
// Shown as the lists show them: nothing deleted or hidden (not even to admins, who review
// hidden content in the moderation queue), answers only while their question is visible too,
// published posts only (drafts too on the member's own profile), public recognition only.
// Private feedback is another table, never read here.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { readableContentSql } from "@/lib/communities/visibility";
import { db } from "@/lib/core/db/client";
import type { Expression, SelectQueryBuilder } from "kysely";
import { rows, sql, sqlb, unionAll, type DB } from "@/lib/core/db/typed-sql";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { idSchema } from "@/lib/core/ids";
import { urlText } from "@/lib/core/forms/text";

export const ACTIVITY_KINDS = ["questions", "answers", "posts", "sessions", "recognition"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Items of each kind on the profile; the rest are on the activity page. */
export const PROFILE_ACTIVITY_ITEMS = 3;
export const ACTIVITY_PAGE_SIZE = 20;

export interface ActivityItem {
  kind: ActivityKind;
  id: string;
  /** The question's title (for an answer, the question it answers), the post's or session's
   * title, or the start of the recognition's message. */
  title: string;
  /** Asked, answered, published (or last written, for a draft), starts, given. */
  at: Date;
  /** An answer's question. */
  discussionId: string | null;
  /** answered (a question), accepted (an answer), draft (a post), cancelled (a session). */
  flag: "answered" | "accepted" | "draft" | "cancelled" | null;
  /** Who gave a recognition. */
  byName: string | null;
}

export type ActivityCounts = Record<ActivityKind, number>;

interface Scope {
  memberId: string;
  /** Drafts are listed on the member's own profile only. */
  ownProfile: boolean;
  /** Who looks: private communities' content is listed for their members only. */
  viewer: Actor;
}

const scopeOf = (memberId: string, viewer: Actor): Scope => ({
  memberId,
  viewer,
  ownProfile: viewer.id === memberId,
});

const cursorSchema = z.tuple([z.iso.datetime(), idSchema]);

// The kinds' rows, each as (kind, id, title, at, discussionId, flag, byName) and filtered to
// what the viewer may see; `after` keeps the rows after a cursor's (at, id).
type After = readonly [string, string] | null;

function afterKey(at: Expression<unknown>, id: Expression<unknown>, after: After) {
  // Stored as UTC timestamp(3); casting the ISO text drops its "Z" and keeps UTC.
  return after
    ? sql<boolean>`(${at}, ${id}) < (${after[0]}::timestamp(3), ${after[1]})`
    : sql<boolean>`TRUE`;
}

function questions(scope: Scope, after: After = null) {
  return sqlb
    .selectFrom("Discussion as d")
    .select([
      sql<ActivityKind>`'questions'`.as("kind"),
      "d.id",
      "d.title",
      "d.createdAt as at",
      sql<string | null>`NULL::text`.as("discussionId"),
      sql<ActivityItem["flag"]>`CASE WHEN d."acceptedReplyId" IS NOT NULL THEN 'answered' END`.as(
        "flag",
      ),
      sql<string | null>`NULL::text`.as("byName"),
    ])
    .where("d.authorId", "=", scope.memberId)
    .where("d.kind", "=", sql<"QUESTION">`'QUESTION'`)
    .where("d.deletedAt", "is", null)
    .where("d.hiddenAt", "is", null)
    .where(readableContentSql("d", scope.viewer))
    .where(afterKey(sql`d."createdAt"`, sql`d.id`, after))
    .orderBy("d.createdAt", "desc")
    .orderBy("d.id", "desc");
}

/**
 * The member's replies to visible questions. The question is looked up per reply (a LATERAL
 * subquery with LIMIT 1, which PostgreSQL does not flatten into a join): a hash join would
 * read every discussion to count a prolific member's answers.
 */
function answers(scope: Scope, after: After = null) {
  return sqlb
    .selectFrom("Reply as r")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("Discussion as d")
          .select(["d.id", "d.title", "d.acceptedReplyId"])
          .whereRef("d.id", "=", "r.discussionId")
          .where("d.kind", "=", sql<"QUESTION">`'QUESTION'`)
          .where("d.deletedAt", "is", null)
          .where("d.hiddenAt", "is", null)
          .where(readableContentSql("d", scope.viewer))
          .limit(1)
          .as("q"),
      (join) => join.onTrue(),
    )
    .select([
      sql<ActivityKind>`'answers'`.as("kind"),
      "r.id",
      "q.title",
      "r.createdAt as at",
      sql<string | null>`q.id`.as("discussionId"),
      sql<ActivityItem["flag"]>`CASE WHEN q."acceptedReplyId" = r.id THEN 'accepted' END`.as(
        "flag",
      ),
      sql<string | null>`NULL::text`.as("byName"),
    ])
    .where("r.authorId", "=", scope.memberId)
    .where("r.deletedAt", "is", null)
    .where("r.hiddenAt", "is", null)
    .where(afterKey(sql`r."createdAt"`, sql`r.id`, after))
    .orderBy("r.createdAt", "desc")
    .orderBy("r.id", "desc");
}

function posts(scope: Scope, after: After = null) {
  const at = sql<Date>`COALESCE(p."publishedAt", p."updatedAt")`;
  return sqlb
    .selectFrom("KnowledgePost as p")
    .select([
      sql<ActivityKind>`'posts'`.as("kind"),
      "p.id",
      "p.title",
      at.as("at"),
      sql<string | null>`NULL::text`.as("discussionId"),
      sql<ActivityItem["flag"]>`CASE WHEN p.status <> 'PUBLISHED' THEN 'draft' END`.as("flag"),
      sql<string | null>`NULL::text`.as("byName"),
    ])
    .where("p.authorId", "=", scope.memberId)
    .where("p.deletedAt", "is", null)
    .where("p.hiddenAt", "is", null)
    .where(readableContentSql("p", scope.viewer))
    .$if(!scope.ownProfile, (q) => q.where("p.status", "=", sql<"PUBLISHED">`'PUBLISHED'`))
    .where(afterKey(at, sql`p.id`, after))
    .orderBy(at, "desc")
    .orderBy("p.id", "desc");
}

function sessions(scope: Scope, after: After = null) {
  return sqlb
    .selectFrom("SessionHost as h")
    .innerJoin("LearningSession as s", "s.id", "h.sessionId")
    .select([
      sql<ActivityKind>`'sessions'`.as("kind"),
      "s.id",
      "s.title",
      "s.startsAt as at",
      sql<string | null>`NULL::text`.as("discussionId"),
      sql<ActivityItem["flag"]>`CASE WHEN s.status = 'CANCELLED' THEN 'cancelled' END`.as("flag"),
      sql<string | null>`NULL::text`.as("byName"),
    ])
    .where("h.userId", "=", scope.memberId)
    .where(readableContentSql("s", scope.viewer))
    .where(afterKey(sql`s."startsAt"`, sql`s.id`, after))
    .orderBy("s.startsAt", "desc")
    .orderBy("s.id", "desc");
}

function recognition(scope: Scope, after: After = null) {
  return sqlb
    .selectFrom("RecognitionRecipient as rr")
    .innerJoin("Recognition as g", "g.id", "rr.recognitionId")
    .innerJoin("User as giver", "giver.id", "g.giverId")
    .select([
      sql<ActivityKind>`'recognition'`.as("kind"),
      "g.id",
      sql<string>`left(g.message, 140)`.as("title"),
      "g.createdAt as at",
      sql<string | null>`NULL::text`.as("discussionId"),
      sql<ActivityItem["flag"]>`NULL::text`.as("flag"),
      sql<string | null>`giver.name`.as("byName"),
    ])
    .where("rr.userId", "=", scope.memberId)
    .where("g.deletedAt", "is", null)
    .where("g.hiddenAt", "is", null)
    .where(afterKey(sql`g."createdAt"`, sql`g.id`, after))
    .orderBy("g.createdAt", "desc")
    .orderBy("g.id", "desc");
}

/** What every kind's query is, whatever its tables: rows of ActivityItem, newest first. */
type KindQuery = SelectQueryBuilder<DB, never, ActivityItem>;

// The builders differ only in their tables; their rows are the same columns.
const KIND_QUERIES = { questions, answers, posts, sessions, recognition } as unknown as Record<
  ActivityKind,
  (scope: Scope, after?: After) => KindQuery
>;

/** How many of each kind the viewer may see: one statement. */
export async function activityCounts(memberId: string, viewer: Actor): Promise<ActivityCounts> {
  const scope = scopeOf(memberId, viewer);
  const countOf = (kind: ActivityKind) =>
    sql<number>`(SELECT count(*)::int FROM (${KIND_QUERIES[kind](scope).clearOrderBy()}) AS k)`.as(
      kind,
    );
  const [counts] = await rows(db, sqlb.selectNoFrom(ACTIVITY_KINDS.map(countOf)));
  return counts as ActivityCounts;
}

/** The newest few of every kind, newest first within each: one statement. */
export async function latestActivity(
  memberId: string,
  viewer: Actor,
  take = PROFILE_ACTIVITY_ITEMS,
): Promise<Record<ActivityKind, ActivityItem[]>> {
  const scope = scopeOf(memberId, viewer);
  const [first, ...rest] = ACTIVITY_KINDS.map((kind) => KIND_QUERIES[kind](scope).limit(take));
  const items = await rows(db, sqlb.selectFrom(unionAll("latest", first!, ...rest)).selectAll());
  const byKind = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, [] as ActivityItem[]]));
  for (const item of items) byKind[item.kind]!.push(item);
  for (const list of Object.values(byKind)) list.sort(newestFirst);
  return byKind as Record<ActivityKind, ActivityItem[]>;
}

const newestFirst = (a: ActivityItem, b: ActivityItem) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** One kind, newest first, keyset-paginated on (at, id); a malformed cursor is InvalidCursor. */
export async function activityPage(
  memberId: string,
  viewer: Actor,
  kind: ActivityKind,
  cursor?: string,
  take = ACTIVITY_PAGE_SIZE,
): Promise<Page<ActivityItem>> {
  const after = cursor ? decodeCursorOrThrow(cursor, cursorSchema) : null;
  const query = KIND_QUERIES[kind](scopeOf(memberId, viewer), after).limit(take + 1);
  const items: ActivityItem[] = await rows(db, query);
  return toPage(items, take, (item) => [item.at.toISOString(), item.id]);
}

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** /members/<id>/activity URL parameters; anything malformed is a 404. */
export const activityPageSchema = z.object({
  show: z.preprocess(blankToUndefined, z.enum(ACTIVITY_KINDS).default("questions")),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});
