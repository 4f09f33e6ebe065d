import Link from "next/link";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import type { TeamSpread, ValueSpread } from "@/lib/recognition/insights";
import { ValueBadge } from "./value-badge";

const CELL = "border-b border-stone-200 px-3 py-2 text-left align-top";
const NUMBER = `${CELL} text-right tabular-nums`;

/**
 * A number with a bar as long as its share of the column's largest (decorative; a <progress>
 * element, because the content security policy refuses inline styles).
 */
function Bar({ value, max }: { value: number; max: number }) {
  return (
    <div className="flex items-center justify-end gap-2">
      <progress
        aria-hidden="true"
        value={value}
        max={Math.max(max, 1)}
        className="hidden h-2 w-24 accent-brand-600 sm:block"
      />
      <span>{value.toLocaleString("en")}</span>
    </div>
  );
}

const maxOf = <T,>(rows: T[], pick: (row: T) => number) => Math.max(0, ...rows.map(pick));

export function TeamSpreadTable({ rows, caption }: { rows: TeamSpread[]; caption: string }) {
  const [maxGiven, maxReceived] = [maxOf(rows, (r) => r.given), maxOf(rows, (r) => r.received)];
  return (
    <ScrollableTable label={caption}>
      <table className="w-full text-sm">
        <caption className="p-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Team
            </th>
            <th scope="col" className={NUMBER}>
              Active members
            </th>
            <th scope="col" className={NUMBER}>
              Given
            </th>
            <th scope="col" className={NUMBER}>
              Received
            </th>
            <th scope="col" className={NUMBER}>
              Members recognised
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.teamId ?? "none"}>
              <th scope="row" className={`${CELL} font-medium`}>
                {row.teamSlug ? (
                  <Link href={`/recognition?team=${encodeURIComponent(row.teamSlug)}`}>
                    {row.teamName}
                  </Link>
                ) : (
                  "No team"
                )}
              </th>
              <td className={NUMBER}>{row.activeMembers.toLocaleString("en")}</td>
              <td className={NUMBER}>
                <Bar value={row.given} max={maxGiven} />
              </td>
              <td className={NUMBER}>
                <Bar value={row.received} max={maxReceived} />
              </td>
              <td className={NUMBER}>
                {row.membersRecognised.toLocaleString("en")}
                {row.activeMembers ? (
                  <span className="text-stone-600">
                    {" "}
                    of {row.activeMembers.toLocaleString("en")}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length ? null : <p className="p-3 text-stone-700">No teams or members yet.</p>}
    </ScrollableTable>
  );
}

export function ValueSpreadTable({ rows, caption }: { rows: ValueSpread[]; caption: string }) {
  const [maxGiven, maxReceived] = [maxOf(rows, (r) => r.given), maxOf(rows, (r) => r.received)];
  return (
    <ScrollableTable label={caption}>
      <table className="w-full text-sm">
        <caption className="p-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Value
            </th>
            <th scope="col" className={NUMBER}>
              Recognitions given
            </th>
            <th scope="col" className={NUMBER}>
              Times members were recognised
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.valueId}>
              <th scope="row" className={`${CELL} font-normal`}>
                <ValueBadge value={row} />
                {row.archived ? <span className="ml-2 text-stone-600">(archived)</span> : null}
              </th>
              <td className={NUMBER}>
                <Bar value={row.given} max={maxGiven} />
              </td>
              <td className={NUMBER}>
                <Bar value={row.received} max={maxReceived} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length ? null : <p className="p-3 text-stone-700">No company values yet.</p>}
    </ScrollableTable>
  );
}
