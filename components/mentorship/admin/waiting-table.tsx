import Link from "next/link";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import { CELL } from "./pairings-table";
import { daysText, formatDay } from "./format";

export interface WaitingRow {
  requestId: string;
  mentee: { id: string; name: string; teamName: string | null };
  note: string;
  createdAt: Date;
  daysWaiting: number;
}

/** Mentees who asked for a mentor, the longest waiting first. */
export function WaitingTable({ rows }: { rows: WaitingRow[] }) {
  return (
    <ScrollableTable label="Mentees waiting">
      <table className="relative w-full text-sm">
        <caption className="p-3 text-left font-semibold">
          Mentees waiting for a mentor, the longest waiting first
        </caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Mentee
            </th>
            <th scope="col" className={CELL}>
              Team
            </th>
            <th scope="col" className={CELL}>
              Waiting
            </th>
            <th scope="col" className={CELL}>
              Their note
            </th>
            <th scope="col" className={CELL}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.requestId}>
              <th scope="row" className={`${CELL} font-medium`}>
                <Link href={`/members/${row.mentee.id}`}>{row.mentee.name}</Link>
              </th>
              <td className={CELL}>{row.mentee.teamName ?? "No team"}</td>
              <td className={`${CELL} whitespace-nowrap`}>
                {row.daysWaiting > 0 ? daysText(row.daysWaiting) : "Less than a day"}
                <span className="block text-stone-600">
                  since{" "}
                  <time dateTime={row.createdAt.toISOString()}>{formatDay(row.createdAt)}</time>
                </span>
              </td>
              <td className={`${CELL} max-w-md min-w-48 whitespace-pre-line`}>
                {row.note || <span className="text-stone-600">No note</span>}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <Link href={`/admin/mentorship/suggestions/${row.mentee.id}`}>
                  Suggest mentors<span className="sr-only"> for {row.mentee.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length ? null : <p className="p-3 text-stone-700">Nobody is waiting for a mentor.</p>}
    </ScrollableTable>
  );
}
