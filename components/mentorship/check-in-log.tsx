import Link from "next/link";
import { formatCalendarDate, toDateInput } from "@/lib/core/dates";

export interface CheckInItem {
  id: string;
  heldOn: Date;
  notes: string;
  nextSteps: string;
  authorName: string | null;
}

/** The check-ins, newest first, a page at a time ("Older check-ins"). */
export function CheckInLog({
  items,
  nextCursor,
  isFirstPage,
  hrefFor,
}: {
  items: CheckInItem[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** The URL of another page of the log (null: the newest). */
  hrefFor: (cursor: string | null) => string;
}) {
  return (
    <div className="space-y-3">
      {items.length ? (
        <ol className="space-y-3" aria-label="Check-ins, newest first">
          {items.map((item) => (
            <li key={item.id} className="space-y-2 rounded-md border border-stone-200 bg-white p-3">
              <h3 className="text-base font-semibold">
                <time dateTime={toDateInput(item.heldOn)}>{formatCalendarDate(item.heldOn)}</time>
                <span className="font-normal text-stone-700">
                  {" "}
                  · logged by {item.authorName ?? "a former member"}
                </span>
              </h3>
              <p className="break-words whitespace-pre-line">{item.notes}</p>
              {item.nextSteps ? (
                <div>
                  <p className="text-sm font-medium text-stone-800">Next steps</p>
                  <p className="break-words whitespace-pre-line text-stone-800">{item.nextSteps}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-stone-700">
          {isFirstPage ? "No check-ins yet." : "No older check-ins."}
        </p>
      )}
      {nextCursor || !isFirstPage ? (
        <nav aria-label="Check-in pages" className="flex flex-wrap gap-4">
          {!isFirstPage ? (
            <Link href={`${hrefFor(null)}#check-ins-heading`}>Newest check-ins</Link>
          ) : null}
          {nextCursor ? (
            <Link href={`${hrefFor(nextCursor)}#check-ins-heading`} rel="next">
              Older check-ins
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
