import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { daysText, formatDay } from "@/lib/mentorship/labels";

export interface WaitingRow {
  requestId: string;
  mentee: { id: string; name: string; teamName: string | null };
  note: string;
  createdAt: Date;
  daysWaiting: number;
  currentMentors: string[];
}

const COLUMNS = [
  { label: "Mentee" },
  { label: "Team" },
  { label: "Waiting", className: "whitespace-nowrap" },
  { label: "Their note", className: "max-w-md min-w-48 whitespace-pre-line" },
  { label: "Actions", labelHidden: true, className: "whitespace-nowrap" },
];

/** Mentees who asked for a mentor, the longest waiting first. */
export function WaitingTable({ rows }: { rows: WaitingRow[] }) {
  return (
    <DataTable
      caption="Mentees waiting for a mentor, the longest waiting first"
      label="Mentees waiting"
      columns={COLUMNS}
      empty="Nobody is waiting for a mentor."
      rows={rows.map((row) => ({
        key: row.requestId,
        cells: [
          <span key="mentee">
            <Link href={`/members/${row.mentee.id}`}>{row.mentee.name}</Link>
            {row.currentMentors.length ? (
              <span className="block text-sm text-amber-900">
                {`Already mentored by ${row.currentMentors.join(", ")}`}
              </span>
            ) : null}
          </span>,
          row.mentee.teamName ?? "No team",
          <span key="waiting">
            {row.daysWaiting > 0 ? daysText(row.daysWaiting) : "Less than a day"}
            <span className="block text-stone-600">
              since <time dateTime={row.createdAt.toISOString()}>{formatDay(row.createdAt)}</time>
            </span>
          </span>,
          row.note || (
            <span key="note" className="text-stone-600">
              No note
            </span>
          ),
          <Link key="suggest" href={`/admin/mentorship/suggestions/${row.mentee.id}`}>
            Suggest mentors<span className="sr-only"> for {row.mentee.name}</span>
          </Link>,
        ],
      }))}
    />
  );
}
