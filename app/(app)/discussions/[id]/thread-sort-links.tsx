import Link from "next/link";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";
import type { ThreadSort } from "@/lib/discussions/schemas";

const LABELS: Record<ThreadSort, string> = {
  votes: "Most votes",
  oldest: "Oldest first",
  newest: "Newest first",
};

/** The sorts a thread offers: votes only where replies take votes (a question's answers). */
function sortsFor(kind: DiscussionKind): ThreadSort[] {
  return kind === "QUESTION" ? ["votes", "oldest", "newest"] : ["oldest", "newest"];
}

/**
 * "Sort: Most votes · Oldest first · Newest first" as plain links (no JavaScript needed),
 * the current one marked with aria-current and not a link. Each starts from the first page.
 */
export function ThreadSortLinks({
  kind,
  current,
  hrefFor,
}: {
  kind: DiscussionKind;
  current: ThreadSort;
  hrefFor: (sort: ThreadSort) => string;
}) {
  return (
    <nav aria-label="Sort replies" className="flex flex-wrap items-center gap-x-3 text-sm">
      <span className="text-stone-700">Sort:</span>
      {sortsFor(kind).map((sort) =>
        sort === current ? (
          <span key={sort} aria-current="true" className="font-semibold">
            {LABELS[sort]}
          </span>
        ) : (
          <Link key={sort} href={hrefFor(sort)} className="action-link">
            {LABELS[sort]}
          </Link>
        ),
      )}
    </nav>
  );
}
