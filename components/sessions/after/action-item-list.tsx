import Link from "next/link";
import { formatCalendarDate, toDateInput } from "@/lib/core/dates";
import type { ActionItemView } from "@/lib/sessions/after/queries";
import { DeleteActionItemButton, DoneCheckbox, EditActionItemForm } from "./action-item-forms";

function DueDate({ item }: { item: ActionItemView }) {
  if (!item.dueOn) return null;
  return (
    <>
      {" · Due "}
      <time dateTime={toDateInput(item.dueOn)}>{formatCalendarDate(item.dueOn)}</time>
      {item.overdue ? (
        <>
          {" "}
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">
            Overdue
          </span>
        </>
      ) : null}
    </>
  );
}

function ActionItemRow({ item, manageable }: { item: ActionItemView; manageable: boolean }) {
  const done = Boolean(item.doneAt);
  return (
    <li className="space-y-2 rounded-md border border-stone-200 bg-white p-3">
      <p className="font-medium break-words">{item.title}</p>
      <p className="text-sm text-stone-700">
        Owner: <Link href={`/members/${item.owner.id}`}>{item.owner.name}</Link>
        <DueDate item={item} />
      </p>
      {item.canToggle ? (
        <DoneCheckbox id={item.id} title={item.title} done={done} />
      ) : (
        <p className="text-sm text-stone-700">{done ? "Done" : "Not done yet"}</p>
      )}
      {manageable ? (
        <div className="space-y-2">
          <details className="rounded-md border border-stone-200 p-2">
            <summary className="cursor-pointer text-sm font-medium">
              Edit<span className="sr-only"> action item: {item.title}</span>
            </summary>
            <div className="pt-3">
              <EditActionItemForm
                item={{
                  id: item.id,
                  title: item.title,
                  owner: item.owner,
                  dueOn: item.dueOn ? toDateInput(item.dueOn) : "",
                }}
              />
            </div>
          </details>
          <DeleteActionItemButton id={item.id} title={item.title} />
        </div>
      ) : null}
    </li>
  );
}

/** A session's action items; `manageable` adds edit and delete (the notes page). */
export function ActionItemList({
  items,
  manageable = false,
}: {
  items: ActionItemView[];
  manageable?: boolean;
}) {
  if (!items.length) return <p className="text-stone-700">No action items.</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <ActionItemRow key={item.id} item={item} manageable={manageable} />
      ))}
    </ul>
  );
}
