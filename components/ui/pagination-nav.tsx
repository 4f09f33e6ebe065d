import Link from "next/link";
import { buttonClasses } from "./button";

/**
 * Links for cursor pagination. `hrefFor(cursor)` builds the URL with the other filters
 * kept; a null cursor means the first page.
 */
export function PaginationNav({
  nextCursor,
  isFirstPage,
  hrefFor,
  label = "Pages",
}: {
  nextCursor: string | null;
  isFirstPage: boolean;
  hrefFor: (cursor: string | null) => string;
  label?: string;
}) {
  if (!nextCursor && isFirstPage) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap gap-3">
      {!isFirstPage ? (
        <Link href={hrefFor(null)} className={buttonClasses("secondary")}>
          Back to first page
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={hrefFor(nextCursor)} className={buttonClasses("secondary")} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
