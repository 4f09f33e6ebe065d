import { formatNumber } from "@/lib/core/format";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { TeamSpread, ValueSpread } from "@/lib/recognition/spread";
import { ValueBadge } from "./value-badge";

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
      <span>{formatNumber(value)}</span>
    </div>
  );
}

const maxOf = <T,>(rows: T[], pick: (row: T) => number) => Math.max(0, ...rows.map(pick));

const TEAM_COLUMNS = [
  { label: "Team" },
  { label: "Active members", numeric: true },
  { label: "Given", numeric: true },
  { label: "Received", numeric: true },
  { label: "Members recognised", numeric: true },
];

export function TeamSpreadTable({ rows, caption }: { rows: TeamSpread[]; caption: string }) {
  const [maxGiven, maxReceived] = [maxOf(rows, (r) => r.given), maxOf(rows, (r) => r.received)];
  return (
    <DataTable
      caption={caption}
      columns={TEAM_COLUMNS}
      empty="No teams or members yet."
      rows={rows.map((row) => ({
        key: row.teamId ?? "none",
        cells: [
          row.teamSlug ? (
            <Link key="team" href={`/recognition?team=${encodeURIComponent(row.teamSlug)}`}>
              {row.teamName}
            </Link>
          ) : (
            "No team"
          ),
          formatNumber(row.activeMembers),
          <Bar key="given" value={row.given} max={maxGiven} />,
          <Bar key="received" value={row.received} max={maxReceived} />,
          <span key="recognised">
            {formatNumber(row.membersRecognised)}
            {row.activeMembers ? (
              <span className="text-stone-600"> of {formatNumber(row.activeMembers)}</span>
            ) : null}
          </span>,
        ],
      }))}
    />
  );
}

const VALUE_COLUMNS = [
  { label: "Value" },
  { label: "Recognitions given", numeric: true },
  { label: "Times members were recognised", numeric: true },
];

export function ValueSpreadTable({ rows, caption }: { rows: ValueSpread[]; caption: string }) {
  const [maxGiven, maxReceived] = [maxOf(rows, (r) => r.given), maxOf(rows, (r) => r.received)];
  return (
    <DataTable
      caption={caption}
      columns={VALUE_COLUMNS}
      empty="No company values yet."
      rowHeaderClassName="font-normal"
      rows={rows.map((row) => ({
        key: row.valueId,
        cells: [
          <span key="value">
            <ValueBadge value={row} />
            {row.archived ? <span className="ml-2 text-stone-600">(archived)</span> : null}
          </span>,
          <Bar key="given" value={row.given} max={maxGiven} />,
          <Bar key="received" value={row.received} max={maxReceived} />,
        ],
      }))}
    />
  );
}
