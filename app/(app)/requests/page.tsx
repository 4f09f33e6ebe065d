import type { Metadata } from "next";
import Link from "next/link";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { plural } from "@/lib/core/format";
import { listRequests } from "@/lib/knowledge-requests/queries";
import { requestListSchema } from "@/lib/knowledge-requests/schemas";

export const metadata: Metadata = { title: "Knowledge requests" };

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requirePermission("read:content:any");
  const { query, params } = await listQueryOrNotFound(searchParams, requestListSchema);
  const page = await pageOrNotFound(listRequests({ sort: params.sort, cursor: params.cursor }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Knowledge requests</h1>
          <p className="text-sm text-stone-700">
            “We need a post on…”: vote for what you need, or write it.
          </p>
        </div>
        <Link href="/requests/new">Ask for a post</Link>
      </div>
      <nav aria-label="Sort requests" className="flex gap-4 text-sm">
        {(["votes", "newest"] as const).map((sort) => (
          <Link
            key={sort}
            href={hrefWith("/requests", {}, { sort })}
            aria-current={params.sort === sort ? "page" : undefined}
          >
            {sort === "votes" ? "Most needed" : "Newest"}
          </Link>
        ))}
      </nav>
      {page.items.length ? (
        <ul className="space-y-3" aria-label="Requests">
          {page.items.map((request) => (
            <li key={request.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <Link href={`/requests/${request.id}`} className="font-medium">
                {request.title}
              </Link>
              <p className="text-sm text-stone-600">
                {plural(request.voteCount, "vote", "votes")} · asked by {request.requesterName}
                {request.tags.length ? ` · ${request.tags.map((t) => `#${t.name}`).join(" ")}` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">
          {params.cursor ? "No more requests." : "No open requests."}
        </p>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/requests", query, { cursor })}
        label="Request pages"
      />
    </div>
  );
}
