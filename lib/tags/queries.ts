import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { normaliseTagName, TAG_FILTER_LENGTH, tagSlug } from "./schemas";
import { hasControlCharacters } from "@/lib/core/forms/text";

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
  viewerId: string,
  options: { q?: string; cursor?: string } = {},
  take = TAGS_PAGE_SIZE,
): Promise<Page<TagSummary>> {
  const prefix = slugPrefix(options.q);
  const after = options.cursor ? decodeCursorOrThrow(options.cursor, slugCursorSchema)[0] : null;
  const rows = await db.$queryRaw<TagSummary[]>`
    WITH page AS (
      SELECT t."id", t."name", t."slug" FROM "Tag" t
      WHERE ${prefix ? Prisma.sql`starts_with(t."slug", ${prefix})` : Prisma.sql`TRUE`}
        AND ${after ? Prisma.sql`t."slug" > ${after}` : Prisma.sql`TRUE`}
      ORDER BY t."slug"
      LIMIT ${take + 1}
    ),
    discussions AS (
      SELECT dt."tagId", count(*)::int AS "count"
      FROM "DiscussionTag" dt
      WHERE dt."tagId" = ANY (ARRAY(SELECT "id" FROM page))
      GROUP BY dt."tagId"
    ),
    unseen_discussions AS (
      SELECT dt."tagId", count(*)::int AS "count"
      FROM "Discussion" d JOIN "DiscussionTag" dt ON dt."discussionId" = d."id"
      WHERE (d."deletedAt" IS NOT NULL OR d."hiddenAt" IS NOT NULL)
        AND dt."tagId" IN (SELECT "id" FROM page)
      GROUP BY dt."tagId"
    ),
    posts AS (
      SELECT pt."tagId", count(*)::int AS "count"
      FROM "KnowledgePostTag" pt
      WHERE pt."tagId" = ANY (ARRAY(SELECT "id" FROM page))
      GROUP BY pt."tagId"
    ),
    unseen_posts AS (
      SELECT pt."tagId", count(*)::int AS "count"
      FROM "KnowledgePost" p JOIN "KnowledgePostTag" pt ON pt."postId" = p."id"
      WHERE (p."status" = 'DRAFT' OR p."deletedAt" IS NOT NULL OR p."hiddenAt" IS NOT NULL)
        AND pt."tagId" = ANY (ARRAY(SELECT "id" FROM page))
      GROUP BY pt."tagId"
    )
    SELECT page."id", page."name", page."slug",
      coalesce(discussions."count", 0) - coalesce(unseen_discussions."count", 0) AS "discussionCount",
      coalesce(posts."count", 0) - coalesce(unseen_posts."count", 0) AS "postCount",
      (tf."userId" IS NOT NULL) AS "following"
    FROM page
    LEFT JOIN discussions ON discussions."tagId" = page."id"
    LEFT JOIN unseen_discussions ON unseen_discussions."tagId" = page."id"
    LEFT JOIN posts ON posts."tagId" = page."id"
    LEFT JOIN unseen_posts ON unseen_posts."tagId" = page."id"
    LEFT JOIN "TagFollow" tf ON tf."tagId" = page."id" AND tf."userId" = ${viewerId}
    ORDER BY page."slug"`;
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
