import Link from "next/link";
import type { SearchHit } from "@/lib/search/search";
import { ContentBadge } from "@/components/feed/content-badge";
import { FeedTime } from "@/components/feed/feed-time";
import { HighlightedText } from "./highlighted-text";

/** One search result: what it is, the linked title, a highlighted snippet, who and when. */
export function SearchHitCard({ hit, timeZone }: { hit: SearchHit; timeZone: string }) {
  return (
    <article className="space-y-1.5 rounded-lg border border-stone-200 bg-white p-4">
      <p>
        <ContentBadge>{hit.badge}</ContentBadge>
      </p>
      <h3 className="text-base font-semibold break-words">
        <Link href={hit.href}>
          <HighlightedText parts={hit.title} />
        </Link>
      </h3>
      {hit.snippet.length ? (
        <p className="text-sm break-words text-stone-800">
          <HighlightedText parts={hit.snippet} />
        </p>
      ) : null}
      {hit.authorName || hit.date ? (
        <p className="text-sm text-stone-600">
          {hit.authorName ? `By ${hit.authorName}` : null}
          {hit.authorName && hit.date ? " · " : null}
          {hit.date ? <FeedTime date={hit.date} timeZone={timeZone} /> : null}
        </p>
      ) : null}
    </article>
  );
}
