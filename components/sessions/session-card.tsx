import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionSummary } from "@/lib/sessions/queries";
import { SESSION_FORMAT_LABELS } from "@/lib/sessions/formats";
import { seatsText } from "@/lib/sessions/labels";
import { formatSessionTime, weekStart } from "@/lib/core/zoned-time";
import { dateTimeFormat } from "@/lib/core/date-format";

const TONES = {
  format: "border-brand-600 bg-brand-50 text-brand-800",
  cancelled: "border-red-300 bg-red-50 text-red-900",
  mine: "border-green-300 bg-green-50 text-green-900",
  waitlist: "border-amber-300 bg-amber-50 text-amber-900",
  quiet: "border-stone-300 bg-stone-50 text-stone-800",
} as const;

export function SessionBadge({
  tone,
  children,
}: {
  tone: keyof typeof TONES;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

const VIEWER_BADGES = {
  HOSTING: ["mine", "You're hosting"],
  GOING: ["mine", "You're going"],
  WAITLISTED: ["waitlist", "On the waitlist"],
} as const;

export function SessionCard({ session, timeZone }: { session: SessionSummary; timeZone: string }) {
  const viewerBadge =
    session.viewerStatus && session.viewerStatus !== "NOT_GOING"
      ? VIEWER_BADGES[session.viewerStatus]
      : null;
  return (
    <article className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <p className="flex flex-wrap gap-1.5">
        <SessionBadge tone="format">{SESSION_FORMAT_LABELS[session.format]}</SessionBadge>
        {session.status === "CANCELLED" ? (
          <SessionBadge tone="cancelled">Cancelled</SessionBadge>
        ) : null}
        {viewerBadge ? <SessionBadge tone={viewerBadge[0]}>{viewerBadge[1]}</SessionBadge> : null}
        {session.hasNotes ? <SessionBadge tone="quiet">Notes</SessionBadge> : null}
      </p>
      <h3 className="text-lg font-semibold">
        <Link href={`/sessions/${session.id}`}>{session.title}</Link>
      </h3>
      <p className="text-sm text-stone-700">
        <time dateTime={session.startsAt.toISOString()}>
          {formatSessionTime(session.startsAt, session.endsAt, timeZone)}
        </time>
      </p>
      <p className="text-sm text-stone-700">
        {[session.location, session.online ? "Online" : null].filter(Boolean).join(" · ") ||
          "Place to be announced"}
        {" · "}
        {seatsText(session)}
      </p>
      {session.notesExcerpt ? (
        <p className="text-sm text-stone-800">
          <span className="font-medium">From the notes:</span> {session.notesExcerpt}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">
        Hosted by {session.hosts.map((host) => host.name).join(", ") || "nobody yet"}
      </p>
    </article>
  );
}

export function SessionCardList({
  sessions,
  timeZone,
  label,
  empty,
}: {
  sessions: SessionSummary[];
  timeZone: string;
  label: string;
  empty: ReactNode;
}) {
  if (sessions.length === 0) return <p className="text-stone-700">{empty}</p>;
  return (
    <ul className="space-y-3" aria-label={label}>
      {sessions.map((session) => (
        <li key={session.id}>
          <SessionCard session={session} timeZone={timeZone} />
        </li>
      ))}
    </ul>
  );
}

/** Upcoming sessions under one heading per week ("Week of 30 November 2026"), in the viewer's zone. */
export function SessionsByWeek({
  sessions,
  timeZone,
}: {
  sessions: SessionSummary[];
  timeZone: string;
}) {
  const weeks = new Map<string, SessionSummary[]>();
  for (const session of sessions) {
    const week = weekStart(session.startsAt, timeZone);
    weeks.set(week, [...(weeks.get(week) ?? []), session]);
  }
  const thisWeek = weekStart(new Date(), timeZone);
  const dayFormat = dateTimeFormat({ dateStyle: "long" }, "UTC");
  return (
    <div className="space-y-6">
      {[...weeks].map(([week, inWeek]) => {
        const heading =
          week <= thisWeek
            ? "This week"
            : `Week of ${dayFormat.format(new Date(`${week}T00:00:00Z`))}`;
        return (
          <section key={week} aria-labelledby={`week-${week}`} className="space-y-3">
            <h2 id={`week-${week}`} className="text-lg font-semibold">
              {heading}
            </h2>
            <SessionCardList sessions={inWeek} timeZone={timeZone} label={heading} empty="" />
          </section>
        );
      })}
    </div>
  );
}
