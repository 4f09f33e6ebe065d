import Link from "next/link";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import type { PairingHealth } from "@/lib/mentorship/health";
import { formatCalendarDate, toDateInput } from "@/lib/core/dates";
import { PairingBadge } from "./pairing-badges";

export interface PairingCardData {
  id: string;
  status: PairingStatus;
  health: PairingHealth;
  otherMember: { id: string; name: string };
  startsOn: Date;
  nextCheckInDue: Date | null;
  lastCheckInOn: Date | null;
}

function Day({ date }: { date: Date }) {
  return <time dateTime={toDateInput(date)}>{formatCalendarDate(date)}</time>;
}

/** One of the viewer's mentorships: who with, how it is doing, and when to meet next. */
function PairingCard({ pairing, role }: { pairing: PairingCardData; role: "mentor" | "mentee" }) {
  const running = pairing.status === "ACTIVE";
  return (
    <li className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold break-words">
          <Link href={`/mentorship/${pairing.id}`}>
            {pairing.otherMember.name}
            <span className="sr-only">
              {role === "mentor" ? " (your mentor)" : " (your mentee)"}
            </span>
          </Link>
        </h3>
        <PairingBadge status={pairing.status} health={pairing.health} />
      </div>
      <p className="text-sm text-stone-700">
        Started <Day date={pairing.startsOn} />
        {pairing.lastCheckInOn ? (
          <>
            {" · Last check-in "}
            <Day date={pairing.lastCheckInOn} />
          </>
        ) : (
          " · No check-ins yet"
        )}
        {running && pairing.nextCheckInDue ? (
          <>
            {" · Next check-in due "}
            <Day date={pairing.nextCheckInDue} />
          </>
        ) : null}
      </p>
    </li>
  );
}

/** The viewer's mentorships in one role, or what to say when there are none. */
export function PairingCards({
  pairings,
  role,
  label,
  empty,
}: {
  pairings: PairingCardData[];
  /** What the other member is to the viewer. */
  role: "mentor" | "mentee";
  label: string;
  empty: React.ReactNode;
}) {
  if (!pairings.length) return <div className="text-stone-700">{empty}</div>;
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label={label}>
      {pairings.map((pairing) => (
        <PairingCard key={pairing.id} pairing={pairing} role={role} />
      ))}
    </ul>
  );
}
