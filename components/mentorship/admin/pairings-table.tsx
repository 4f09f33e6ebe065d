import Link from "next/link";
import { HealthBadge } from "@/components/mentorship/health-badge";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import type { PairingHealth } from "@/lib/mentorship/health";
import { formatDay, STATUS_LABELS } from "./format";

export const CELL = "border-b border-stone-200 px-3 py-2 text-left align-top";
export const NUMBER = `${CELL} text-right tabular-nums`;

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

function DayCell({ date, empty }: { date: Date | null; empty: string }) {
  return (
    <td className={`${CELL} whitespace-nowrap`}>
      {date ? (
        <time dateTime={date.toISOString().slice(0, 10)}>{formatDay(date)}</time>
      ) : (
        <span className="text-stone-600">{empty}</span>
      )}
    </td>
  );
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
    <ScrollableTable label="Pairings">
      <table className="relative w-full text-sm">
        <caption className="p-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Mentor
            </th>
            <th scope="col" className={CELL}>
              Mentee
            </th>
            <th scope="col" className={CELL}>
              Status
            </th>
            <th scope="col" className={CELL}>
              Health
            </th>
            <th scope="col" className={CELL}>
              Started
            </th>
            <th scope="col" className={CELL}>
              Last check-in
            </th>
            <th scope="col" className={CELL}>
              Next due
            </th>
            <th scope="col" className={CELL}>
              End asked
            </th>
            <th scope="col" className={CELL}>
              <span className="sr-only">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const open = row.status === "ACTIVE" || row.status === "PAUSED";
            const pair = `${row.mentor.name} and ${row.mentee.name}`;
            return (
              <tr key={row.id}>
                <th scope="row" className={`${CELL} font-medium`}>
                  <Link href={`/members/${row.mentor.id}`}>{row.mentor.name}</Link>
                </th>
                <td className={CELL}>
                  <Link href={`/members/${row.mentee.id}`}>{row.mentee.name}</Link>
                </td>
                <td className={CELL}>{STATUS_LABELS[row.status]}</td>
                <td className={CELL}>
                  <HealthBadge health={row.health} />
                </td>
                <DayCell date={row.startsOn} empty="—" />
                <DayCell date={row.lastCheckInOn} empty="None yet" />
                <DayCell date={row.status === "ACTIVE" ? row.nextCheckInDue : null} empty="—" />
                <td className={CELL}>
                  {row.endRequested && open ? (
                    <span className="inline-flex rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
                      End asked
                    </span>
                  ) : (
                    <span className="sr-only">No</span>
                  )}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <Link href={`/mentorship/${row.id}`}>
                    Open<span className="sr-only"> the mentorship of {pair}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length ? null : (
        <p className="p-3 text-stone-700">
          {filtered ? "No pairings match these filters." : "No pairings yet."}
        </p>
      )}
    </ScrollableTable>
  );
}
