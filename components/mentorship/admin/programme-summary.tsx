import Link from "next/link";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { formatNumber, plural } from "@/lib/core/format";

export interface ProgrammeFigures {
  byStatus: Record<PairingStatus, number>;
  overdue: number;
  due: number;
  waiting: number;
  mentorsWithFreeSeats: number;
  freeSeats: number;
}

function Figure({
  label,
  value,
  href,
  detail,
}: {
  label: string;
  value: number;
  href?: string;
  detail?: string;
}) {
  const number = formatNumber(value);
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} aria-label={`${number} ${label.toLowerCase()}: show them`}>
            {number}
          </Link>
        ) : (
          number
        )}
      </dd>
      {detail ? <dd className="text-sm text-stone-600">{detail}</dd> : null}
    </div>
  );
}

/** The programme at a glance: pairings by status and health, who waits, who has room. */
export function ProgrammeSummary({ summary }: { summary: ProgrammeFigures }) {
  const { byStatus } = summary;
  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="sr-only">
        The programme at a glance
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure
          label="Active pairings"
          value={byStatus.ACTIVE}
          href="/admin/mentorship?status=ACTIVE"
        />
        <Figure label="Paused" value={byStatus.PAUSED} href="/admin/mentorship?status=PAUSED" />
        <Figure
          label="Completed"
          value={byStatus.COMPLETED}
          href="/admin/mentorship?status=COMPLETED"
        />
        <Figure label="Ended" value={byStatus.ENDED} href="/admin/mentorship?status=ENDED" />
        <Figure
          label="Overdue check-ins"
          value={summary.overdue}
          href="/admin/mentorship?health=overdue"
        />
        <Figure label="Check-ins due" value={summary.due} href="/admin/mentorship?health=due" />
        <Figure
          label="Mentees waiting"
          value={summary.waiting}
          href="/admin/mentorship?tab=waiting"
        />
        <Figure
          label="Mentors with free places"
          value={summary.mentorsWithFreeSeats}
          href="/admin/mentorship?tab=mentors"
          detail={`${plural(summary.freeSeats, "place", "places")} free in all`}
        />
      </dl>
    </section>
  );
}
