import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostRowList } from "@/components/posts/post-row";
import { PostTabs } from "@/components/posts/post-tabs";
import { SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listPosts, pinnedPosts } from "@/lib/posts/queries";
import { postListParamsSchema } from "@/lib/posts/schemas";
import { POST_TYPE_LABELS, POST_TYPE_SLUGS, POST_TYPES, postTypeFromSlug } from "@/lib/posts/types";

export const metadata: Metadata = { title: "Knowledge posts" };

const TYPE_OPTIONS = [
  { value: "", label: "All kinds" },
  ...POST_TYPES.map((type) => ({ value: POST_TYPE_SLUGS[type], label: POST_TYPE_LABELS[type] })),
];

export default async function PostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission("read:content:any");
  const { query, params } = await listQueryOrNotFound(searchParams, postListParamsSchema);
  const type = postTypeFromSlug(params.type || undefined);
  if (params.type && !type) notFound();
  const filters = { viewer, type, tag: params.tag?.trim() || undefined };
  const [page, pinned] = await Promise.all([
    pageOrNotFound(listPosts({ ...filters, cursor: params.cursor })),
    params.cursor ? Promise.resolve([]) : pinnedPosts(filters),
  ]);
  const filtered = Boolean(filters.type || filters.tag);
  const now = new Date();

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Knowledge posts</h1>
        <p className="text-sm text-stone-700">
          How-tos, lessons learned, case studies and notes on books and talks, written by
          colleagues. <Link href="/tags">Browse and follow tags</Link> · Missing one?{" "}
          <Link href="/requests">Ask for a post</Link>
        </p>
      </div>
      <PostTabs current="/posts" />
      {/* Folded behind "Filters" on a phone, as on the discussion list (.filter-fold). */}
      <details className="filter-fold">
        <summary>{filtered ? "Filters (on)" : "Filters"}</summary>
        <form
          method="get"
          action="/posts"
          role="search"
          aria-label="Filter posts"
          className="grid gap-x-4 border-t border-stone-200 px-4 pt-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end md:border-t-0"
        >
          <SelectField
            name="type"
            label="Kind"
            options={TYPE_OPTIONS}
            defaultValue={params.type ?? ""}
          />
          <TextField name="tag" label="Tag" defaultValue={params.tag ?? ""} autoComplete="off" />
          <div className="flex flex-wrap gap-2 pb-6 sm:pb-7">
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {filtered ? (
              <Link href="/posts" className="self-center">
                Clear filters
              </Link>
            ) : null}
          </div>
        </form>
      </details>

      {pinned.length ? (
        <section aria-labelledby="pinned-heading" className="space-y-2">
          <h2 id="pinned-heading" className="text-base font-semibold">
            Pinned
          </h2>
          <PostRowList posts={pinned} timeZone={viewer.timeZone} label="Pinned posts" now={now} />
        </section>
      ) : null}

      <section aria-labelledby="latest-heading" className="space-y-2">
        <h2 id="latest-heading" className="text-base font-semibold">
          {filtered ? "Matching posts" : "Latest posts"}
        </h2>
        {page.items.length ? (
          <PostRowList
            posts={page.items}
            timeZone={viewer.timeZone}
            label={filtered ? "Matching posts" : "Latest posts"}
            now={now}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
            {params.cursor ? (
              "No more posts."
            ) : filtered ? (
              <>
                No posts match. <Link href="/posts">Clear the filters</Link>.
              </>
            ) : (
              <>
                No posts yet. <Link href="/posts/new">Write the first one</Link>.
              </>
            )}
          </p>
        )}
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/posts", query, { cursor })}
          label="Post pages"
        />
      </section>
    </div>
  );
}
