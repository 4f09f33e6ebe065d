import Link from "next/link";
import { HealthBadge } from "@/components/mentorship/health-badge";
import { DataTable } from "@/components/ui/data-table";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import type { PairingHealth } from "@/lib/mentorship/health";
import { formatDay, STATUS_LABELS } from "@/lib/mentorship/labels";

export interface PairingTableRow {
  id: string;
  mentor: { id: string; name: string };
  mentee: { id: string; name: string };
  status: PairingStatus;
  health: PairingHealth;
  startsOn: Date;
  lastCheckInOn: Date | null;
  nextCheckInDue: Date | null;
  endRequested: boolean;
}

const DAY = "whitespace-nowrap";
const COLUMNS = [
  { label: "Mentor" },
  { label: "Mentee" },
  { label: "Status" },
  { label: "Health" },
  { label: "Started", className: DAY },
  { label: "Last check-in", className: DAY },
  { label: "Next due", className: DAY },
  { label: "End asked" },
  { label: "Open", labelHidden: true, className: DAY },
];

function Day({ date, empty }: { date: Date | null; empty: string }) {
  return date ? (
    <time dateTime={date.toISOString().slice(0, 10)}>{formatDay(date)}</time>
  ) : (
    <span className="text-stone-600">{empty}</span>
  );
}

function cells(row: PairingTableRow) {
  const open = row.status === "ACTIVE" || row.status === "PAUSED";
  const pair = `${row.mentor.name} and ${row.mentee.name}`;
  return [
    <Link key="mentor" href={`/members/${row.mentor.id}`}>
      {row.mentor.name}
    </Link>,
    <Link key="mentee" href={`/members/${row.mentee.id}`}>
      {row.mentee.name}
    </Link>,
    STATUS_LABELS[row.status],
    <HealthBadge key="health" health={row.health} />,
    <Day key="started" date={row.startsOn} empty="—" />,
    <Day key="last" date={row.lastCheckInOn} empty="None yet" />,
    <Day key="next" date={row.status === "ACTIVE" ? row.nextCheckInDue : null} empty="—" />,
    row.endRequested && open ? (
      <span
        key="end"
        className="inline-flex rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200"
      >
        End asked
      </span>
    ) : (
      <span key="end" className="sr-only">
        No
      </span>
    ),
    <Link key="open" href={`/mentorship/${row.id}`}>
      Open<span className="sr-only"> the mentorship of {pair}</span>
    </Link>,
  ];
}

/** All pairings, one row each, with their health and a way into their space. */
export function PairingsTable({
  rows,
  caption,
  filtered,
}: {
  rows: PairingTableRow[];
  caption: string;
  filtered: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      label="Pairings"
      columns={COLUMNS}
      empty={filtered ? "No pairings match these filters." : "No pairings yet."}
      rows={rows.map((row) => ({ key: row.id, cells: cells(row) }))}
    />
  );
}
