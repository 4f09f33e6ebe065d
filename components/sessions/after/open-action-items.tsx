// The home page's "Your open action items": what the viewer owes from past sessions, soonest
// due first. Renders nothing when there are none.
import Link from "next/link";
import type { Page } from "@/lib/core/pagination/cursor";
import { formatCalendarDate, toDateInput } from "@/lib/core/dates";
import type { OpenActionItem } from "@/lib/sessions/after/queries";
import { DoneCheckbox } from "./action-item-forms";

export function OpenActionItems({
  page,
  cursor,
  hrefFor,
}: {
  page: Page<OpenActionItem>;
  /** The cursor of the page shown (from the URL); malformed or absent means the first. */
  cursor?: string;
  /** The URL of another page of the list, keeping the rest of the page's query. */
  hrefFor: (cursor: string | null) => string;
}) {
  if (!page.items.length && !cursor) return null;
  return (
    <section aria-labelledby="action-items-heading" className="space-y-3">
      <h2 id="action-items-heading" className="text-lg font-semibold">
        Your open action items
      </h2>
      {page.items.length ? (
        <ul className="space-y-2">
          {page.items.map((item) => (
            <li key={item.id} className="rounded-md border border-stone-200 bg-white p-3">
              <p className="font-medium break-words">{item.title}</p>
              <p className="text-sm text-stone-700">
                From <Link href={`/sessions/${item.session.id}`}>{item.session.title}</Link>
                {item.dueOn ? (
                  <>
                    {" · Due "}
                    <time dateTime={toDateInput(item.dueOn)}>{formatCalendarDate(item.dueOn)}</time>
                  </>
                ) : null}
                {item.overdue ? (
                  <>
                    {" "}
                    <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">
                      Overdue
                    </span>
                  </>
                ) : null}
              </p>
              <DoneCheckbox id={item.id} title={item.title} done={false} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">No more open action items.</p>
      )}
      {cursor || page.nextCursor ? (
        <nav aria-label="Action item pages" className="flex flex-wrap gap-3">
          {cursor ? (
            <Link href={`${hrefFor(null)}#action-items-heading`}>First action items</Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={`${hrefFor(page.nextCursor)}#action-items-heading`} rel="next">
              More action items
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
