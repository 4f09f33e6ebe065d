import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import { discussionTagOptions, listDiscussions } from "@/lib/discussions/queries";
import { listParamsSchema, type ListParams } from "@/lib/discussions/schemas";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { plural } from "@/lib/core/format";
import { DiscussionFilters } from "@/components/discussions/discussion-filters";
import { DiscussionList } from "@/components/discussions/discussion-row";
import { MarkAllReadForm } from "@/components/discussions/mark-all-read-form";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Discussions" };

const SORT_HEADINGS: Record<ListParams["sort"], string> = {
  activity: "Latest activity",
  newest: "Newest",
  reactions: "Most reactions",
};

function isFiltered(params: ListParams): boolean {
  return Boolean(params.tag || params.kind || params.status || params.scope);
}

const FILTER_WORDS = {
  kind: { discussion: "discussions only", question: "questions only" },
  status: { answered: "answered", unanswered: "unanswered" },
  scope: { mine: "started by you", following: "in tags you follow" },
} as const;

/**
 * What the list holds now, in words that change with every filter and sort (the status
 * region announces a change, so the same count under new filters still gets read).
 */
function resultCount(params: ListParams, shown: number, pinned: number, more: boolean): string {
  const filters = [
    params.kind && FILTER_WORDS.kind[params.kind],
    params.status && FILTER_WORDS.status[params.status],
    params.tag && `tagged ${params.tag}`,
    params.scope && FILTER_WORDS.scope[params.scope],
  ].filter(Boolean);
  const which = filters.length ? ` (${filters.join(", ")})` : "";
  const order = `, ${SORT_HEADINGS[params.sort].toLowerCase()} first`;
  if (!shown && !pinned) return `No discussions to show${which}.`;
  const pins = pinned ? ` and ${pinned} pinned` : "";
  const rest = more ? "; more on the next page" : "";
  return `Showing ${plural(shown, "discussion", "discussions")}${pins}${which}${order}${rest}.`;
}

export default async function DiscussionsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:content:any");
  const { query, params } = await listQueryOrNotFound(searchParams, listParamsSchema);
  const [{ pinned, page }, tags] = await Promise.all([
    pageOrNotFound(listDiscussions(viewer, params)),
    discussionTagOptions(),
  ]);
  const filtered = isFiltered(params);

  const now = new Date();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div>
          <h1 className="text-2xl font-semibold">Discussions</h1>
          <p className="text-sm text-stone-700">
            Ask questions, share what you learned, talk it through.{" "}
            <Link href="/tags">Browse and follow tags</Link>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/discussions/new" className={buttonClasses("primary")}>
            Start a discussion
          </Link>
          <Link href="/discussions/new?kind=question" className={buttonClasses("secondary")}>
            Ask a question
          </Link>
        </div>
      </div>
      <DiscussionFilters params={params} tags={tags} />
      {pinned.length ? (
        <section aria-labelledby="pinned-heading" className="space-y-2">
          <h2 id="pinned-heading" className="text-base font-semibold">
            Pinned
          </h2>
          <DiscussionList
            discussions={pinned}
            timeZone={viewer.timeZone}
            label="Pinned discussions"
            now={now}
          />
        </section>
      ) : null}
      <section aria-labelledby="results-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <h2 id="results-heading" className="text-base font-semibold">
            {filtered ? "Matching discussions" : "All discussions"}
            <span className="font-normal text-stone-600"> · {SORT_HEADINGS[params.sort]}</span>
          </h2>
          <MarkAllReadForm />
        </div>
        <p role="status" className="sr-only">
          {resultCount(params, page.items.length, pinned.length, Boolean(page.nextCursor))}
        </p>
        {page.items.length ? (
          <DiscussionList
            discussions={page.items}
            timeZone={viewer.timeZone}
            label="Discussions"
            now={now}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
            {params.cursor ? (
              "No more discussions."
            ) : filtered ? (
              <>
                Nothing matches these filters. <Link href="/discussions">Clear the filters</Link>.
              </>
            ) : pinned.length ? (
              "No other discussions yet."
            ) : (
              "No discussions yet. Start one, or ask a question."
            )}
          </p>
        )}
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/discussions", query, { cursor })}
          label="Discussion pages"
        />
      </section>
    </div>
  );
}
