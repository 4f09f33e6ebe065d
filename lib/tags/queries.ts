import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { Expression } from "kysely";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { normaliseTagName, TAG_FILTER_LENGTH, tagSlug } from "./schemas";
import { hasControlCharacters } from "@/lib/core/forms/text";
import { inClosedCommunitySql, type Viewer } from "@/lib/communities/visibility";

export const TAGS_PAGE_SIZE = 60;
export const TAG_SUGGESTION_LIMIT = 10;

export interface TagOption {
  name: string;
  slug: string;
}

export interface TagRow extends TagOption {
  id: string;
  /** Whether the viewing member follows it. */
  following: boolean;
}

export interface TagSummary extends TagRow {
  /** Visible discussions (not deleted or hidden) with this tag. */
  discussionCount: number;
  /** Published, visible knowledge posts with this tag. */
  postCount: number;
}

const COUNT = sql<number>`count(*)::int`.as("count");

/**
 * `tagId = ANY (ARRAY(SELECT "id" FROM page))`: the page's tags as an array, so that the
 * link table is read by tag, index only (see listTags).
 */
const inPage = (tagId: Expression<string>, pageIds: Expression<unknown>) =>
  sql<boolean>`${tagId} = ANY (ARRAY${pageIds})`;

const slugCursorSchema = z.tuple([z.string().min(1).max(200)]);

/** The typed filter as the start of a slug ("Type" → "type"); empty when nothing usable. */
function slugPrefix(typed: string | undefined): string {
  return typed ? tagSlug(normaliseTagName(typed).slice(0, TAG_FILTER_LENGTH)) : "";
}

/**
 * Every tag of the shared vocabulary in slug (alphabetical) order, optionally only those
 * starting with the typed filter, with their counts and whether the viewer follows them.
 * A count is all of the tag's rows minus the few that are deleted, hidden or drafts (found
 * through their own indexes), so the page reads neither content table whole. The tags are
 * given as an array where the tag links are read by tag, so that they are read by an
 * index-only scan (as `IN (SELECT …)` the planner reads the whole link table); the few unseen
 * discussions' links are looked up by discussion instead. Throws InvalidCursor for a
 * malformed cursor.
 */
export async function listTags(
  viewer: Viewer,
  options: { q?: string; cursor?: string } = {},
  take = TAGS_PAGE_SIZE,
): Promise<Page<TagSummary>> {
  const viewerId = viewer.id;
  const prefix = slugPrefix(options.q);
  const after = options.cursor ? decodeCursorOrThrow(options.cursor, slugCursorSchema)[0] : null;
  const query = sqlb
    .with("page", (w) =>
      w
        .selectFrom("Tag as t")
        .select(["t.id", "t.name", "t.slug"])
        .where((eb) =>
          eb.and([
            prefix ? sql<boolean>`starts_with(${eb.ref("t.slug")}, ${prefix})` : sql<boolean>`TRUE`,
            after ? eb("t.slug", ">", after) : sql<boolean>`TRUE`,
          ]),
        )
        .orderBy("t.slug")
        .limit(take + 1),
    )
    .with("discussions", (w) =>
      w
        .selectFrom("DiscussionTag as dt")
        .select(["dt.tagId", COUNT])
        .where((eb) => inPage(eb.ref("dt.tagId"), eb.selectFrom("page").select("id")))
        .groupBy("dt.tagId"),
    )
    .with("unseen_discussions", (w) =>
      w
        .selectFrom("Discussion as d")
        .innerJoin("DiscussionTag as dt", "dt.discussionId", "d.id")
        .select(["dt.tagId", COUNT])
        .where((eb) =>
          eb.and([
            eb.or([eb("d.deletedAt", "is not", null), eb("d.hiddenAt", "is not", null)]),
            eb("dt.tagId", "in", eb.selectFrom("page").select("id")),
          ]),
        )
        .groupBy("dt.tagId"),
    )
    // Shown content of private communities the viewer may not read: not theirs to count.
    .with("closed_discussions", (w) =>
      w
        .selectFrom("Discussion as d")
        .innerJoin("DiscussionTag as dt", "dt.discussionId", "d.id")
        .select(["dt.tagId", COUNT])
        .where((eb) =>
          eb.and([
            inClosedCommunitySql("d.communityId", viewer),
            eb("d.deletedAt", "is", null),
            eb("d.hiddenAt", "is", null),
            eb("dt.tagId", "in", eb.selectFrom("page").select("id")),
          ]),
        )
        .groupBy("dt.tagId"),
    )
    .with("closed_posts", (w) =>
      w
        .selectFrom("KnowledgePost as p")
        .innerJoin("KnowledgePostTag as pt", "pt.postId", "p.id")
        .select(["pt.tagId", COUNT])
        .where((eb) =>
          eb.and([
            inClosedCommunitySql("p.communityId", viewer),
            eb("p.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
            eb("p.deletedAt", "is", null),
            eb("p.hiddenAt", "is", null),
            inPage(eb.ref("pt.tagId"), eb.selectFrom("page").select("id")),
          ]),
        )
        .groupBy("pt.tagId"),
    )
    .with("posts", (w) =>
      w
        .selectFrom("KnowledgePostTag as pt")
        .select(["pt.tagId", COUNT])
        .where((eb) => inPage(eb.ref("pt.tagId"), eb.selectFrom("page").select("id")))
        .groupBy("pt.tagId"),
    )
    .with("unseen_posts", (w) =>
      w
        .selectFrom("KnowledgePost as p")
        .innerJoin("KnowledgePostTag as pt", "pt.postId", "p.id")
        .select(["pt.tagId", COUNT])
        .where((eb) =>
          eb.and([
            eb.or([
              eb("p.status", "=", sql<"DRAFT">`'DRAFT'`),
              eb("p.deletedAt", "is not", null),
              eb("p.hiddenAt", "is not", null),
            ]),
            inPage(eb.ref("pt.tagId"), eb.selectFrom("page").select("id")),
          ]),
        )
        .groupBy("pt.tagId"),
    )
    .selectFrom("page")
    .leftJoin("discussions", "discussions.tagId", "page.id")
    .leftJoin("unseen_discussions", "unseen_discussions.tagId", "page.id")
    .leftJoin("posts", "posts.tagId", "page.id")
    .leftJoin("unseen_posts", "unseen_posts.tagId", "page.id")
    .leftJoin("closed_discussions", "closed_discussions.tagId", "page.id")
    .leftJoin("closed_posts", "closed_posts.tagId", "page.id")
    .leftJoin("TagFollow as tf", (join) =>
      join.onRef("tf.tagId", "=", "page.id").on("tf.userId", "=", viewerId),
    )
    .select((eb) => [
      "page.id",
      "page.name",
      "page.slug",
      sql<number>`coalesce(${eb.ref("discussions.count")}, 0) - coalesce(${eb.ref("unseen_discussions.count")}, 0) - coalesce(${eb.ref("closed_discussions.count")}, 0)`.as(
        "discussionCount",
      ),
      sql<number>`coalesce(${eb.ref("posts.count")}, 0) - coalesce(${eb.ref("unseen_posts.count")}, 0) - coalesce(${eb.ref("closed_posts.count")}, 0)`.as(
        "postCount",
      ),
      sql<boolean>`(${eb.ref("tf.userId")} IS NOT NULL)`.as("following"),
    ])
    .orderBy("page.slug");
  const rows: TagSummary[] = await run(db, query);
  return toPage(rows, take, (row) => [row.slug]);
}

/**
 * One tag by its slug (the URL), with the viewer's follow; null when unknown, and for a slug
 * no tag can have (too long, or with a control character such as "/tags/%00").
 */
export async function getTag(slug: string, viewerId: string): Promise<TagRow | null> {
  if (!slug || slug.length > 200 || hasControlCharacters(slug)) return null;
  const tag = await db.tag.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      followers: { where: { userId: viewerId }, select: { userId: true } },
    },
  });
  if (!tag) return null;
  const { followers, ...rest } = tag;
  return { ...rest, following: followers.length > 0 };
}

/** Tags whose slug starts like what was typed ("type" → TypeScript), for autocomplete. */
export async function suggestTags(
  typed: string,
  limit = TAG_SUGGESTION_LIMIT,
): Promise<TagOption[]> {
  const prefix = slugPrefix(typed);
  if (!prefix) return [];
  return db.tag.findMany({
    where: { slug: { startsWith: prefix } },
    select: { name: true, slug: true },
    orderBy: { slug: "asc" },
    take: limit,
  });
}
