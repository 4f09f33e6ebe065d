// An audit entry's before → after, as a small table of the fields that were recorded.
import { changeRows } from "@/lib/audit/diff";

export function AuditChanges({
  before,
  after,
  timeZone,
}: {
  before: unknown;
  after: unknown;
  timeZone: string;
}) {
  const rows = changeRows(before, after, timeZone);
  if (rows.length === 0) return null;
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">Recorded values before and after</caption>
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-stone-600">
          <th scope="col" className="w-1/4 py-1 pr-2 font-medium">
            Field
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Before
          </th>
          <th scope="col" className="py-1 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className="border-t border-stone-100 align-top">
            <th
              scope="row"
              className="py-1 pr-2 text-left text-xs font-normal break-all text-stone-700"
            >
              {row.field}
            </th>
            <td className="py-1 pr-2 break-all text-stone-600">{row.before}</td>
            <td
              className={`py-1 break-all ${row.changed ? "font-medium text-stone-900" : "text-stone-600"}`}
            >
              {row.after}
              {row.changed ? <span className="sr-only"> (changed)</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
