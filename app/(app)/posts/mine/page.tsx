import type { Metadata } from "next";
import Link from "next/link";
import { Notice, noteFrom } from "@/components/posts/notice";
import { PostCardList } from "@/components/posts/post-card";
import { PostTabs } from "@/components/posts/post-tabs";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listMyPosts } from "@/lib/posts/queries";
import { cursorParamsSchema } from "@/lib/posts/schemas";

export const metadata: Metadata = { title: "My posts" };

export default async function MyPostsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:content:any");
  const { query, params } = await listQueryOrNotFound(searchParams, cursorParamsSchema);
  const page = await pageOrNotFound(listMyPosts(viewer, params.cursor));
  const note = noteFrom(query, { deleted: "Post deleted." });
  return (
    <div className="space-y-6">
      {note ? <Notice>{note}</Notice> : null}
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">My posts</h1>
        <p className="text-stone-700">Your drafts first, then what you have published.</p>
      </div>
      <PostTabs current="/posts/mine" />
      <PostCardList
        posts={page.items}
        timeZone={viewer.timeZone}
        label="My posts"
        headingLevel={2}
        empty={
          <>
            You haven&apos;t written a post yet. <Link href="/posts/new">Write one</Link>.
          </>
        }
      />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/posts/mine", {}, { cursor })}
        label="My post pages"
      />
    </div>
  );
}
