import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import { plural } from "@/lib/core/format";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listTags, type TagSummary } from "@/lib/tags/queries";
import { tagsPageSchema } from "@/lib/tags/schemas";
import { tagHref } from "@/components/tags/tag-href";
import { TagsFilterForm } from "@/components/tags/tags-filter-form";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Tags" };

function TagRow({ tag }: { tag: TagSummary }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
      <span className="flex flex-wrap items-baseline gap-2">
        <Link href={tagHref(tag.slug)} className="font-semibold break-all">
          #{tag.name}
        </Link>
        {tag.following ? (
          <span className="rounded bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
            Following
          </span>
        ) : null}
      </span>
      <span className="text-sm text-stone-700">
        {plural(tag.discussionCount, "discussion", "discussions")} ·{" "}
        {plural(tag.postCount, "post", "posts")}
      </span>
    </li>
  );
}

export default async function TagsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("read:content:any");
  const { query, params } = await listQueryOrNotFound(searchParams, tagsPageSchema);
  const page = await pageOrNotFound(listTags(user, params));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Tags</h1>
        <p className="text-stone-700">
          Topics shared by discussions and knowledge posts. Follow a tag to hear about new content
          in it and to see its unanswered questions on your home page.
        </p>
      </div>
      <TagsFilterForm key={params.q ?? ""} q={params.q} />
      {page.items.length ? (
        <ul
          aria-label="Tags"
          className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
        >
          {page.items.map((tag) => (
            <TagRow key={tag.id} tag={tag} />
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          {params.q ? (
            <>
              No tag starts with “{params.q}”. <Link href="/tags">Show all tags</Link>.
            </>
          ) : (
            "No tags yet. Tags appear here when someone tags a discussion or a knowledge post."
          )}
        </p>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/tags", query, { cursor })}
        label="Tag pages"
      />
    </div>
  );
}
