import type { Metadata } from "next";
import Link from "next/link";
import { PostCardList } from "@/components/posts/post-card";
import { PostTabs } from "@/components/posts/post-tabs";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDay } from "@/lib/core/dates";
import { listBookmarks } from "@/lib/posts/queries";
import { cursorParamsSchema } from "@/lib/posts/schemas";

export const metadata: Metadata = { title: "Reading list" };

export default async function ReadingListPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("update:bookmark:own");
  const { params } = await listQueryOrNotFound(searchParams, cursorParamsSchema);
  const page = await pageOrNotFound(listBookmarks(viewer, params.cursor));
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Reading list</h1>
        <p className="text-stone-700">Posts you saved, the most recently saved first.</p>
      </div>
      <PostTabs current="/posts/bookmarks" />
      <PostCardList
        posts={page.items}
        timeZone={viewer.timeZone}
        label="Reading list"
        headingLevel={2}
        notes={(post) => `Saved ${formatDay(post.savedAt, viewer.timeZone)}`}
        empty={
          <>
            Nothing saved yet. Use “Save to reading list” on a post to keep it here, or{" "}
            <Link href="/posts">browse the posts</Link>.
          </>
        }
      />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/posts/bookmarks", {}, { cursor })}
        label="Reading list pages"
      />
    </div>
  );
}
