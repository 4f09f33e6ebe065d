import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { Markdown } from "@/components/markdown";
import { Notice, noteFrom } from "@/components/posts/notice";
import { AfterSessionSection } from "@/components/sessions/after/after-session-section";
import { AttendanceForm } from "@/components/sessions/attendance-form";
import { RsvpPanel } from "@/components/sessions/rsvp-panel";
import { SessionBadge } from "@/components/sessions/session-card";
import { CommunityLink } from "@/components/posts/community-link";
import { buttonClasses } from "@/components/ui/button";
import { requirePermission } from "@/lib/core/auth/session";
import { idSchema } from "@/lib/core/ids";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { mayChangeSession, mayCheckIn, mayRecordAttendance } from "@/lib/sessions/access";
import { SESSION_FORMAT_LABELS } from "@/lib/sessions/formats";
import { seatsText } from "@/lib/sessions/labels";
import { getSessionPage, type SessionPageData } from "@/lib/sessions/queries";
import { rsvpClosedReason } from "@/lib/sessions/rsvp";
import { formatSessionTime } from "@/lib/core/zoned-time";

type Params = Promise<{ id: string }>;

const NOTES = {
  scheduled: "Session scheduled. The hosts have been told.",
  saved: "Changes saved.",
  cancelled: "Session cancelled. Everyone going or waiting has been told.",
};

const load = cache(async (id: string) => {
  const viewer = await requirePermission("read:session:any");
  const session = idSchema.safeParse(id).success ? await getSessionPage(id, viewer) : null;
  return { viewer, session };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { session } = await load((await params).id);
  return { title: session?.title ?? "Session not found" };
}

function AgendaPart({ title, source }: { title: string; source: string }) {
  if (!source) return null;
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">{title}</h3>
      <Markdown source={source} />
    </div>
  );
}

function Agenda({ session }: { session: SessionPageData }) {
  const { goals, scope, openQuestions, preReading } = session;
  if (!goals && !scope && !openQuestions && preReading.length === 0) return null;
  return (
    <section aria-labelledby="agenda-heading" className="space-y-4">
      <h2 id="agenda-heading" className="text-lg font-semibold">
        Agenda
      </h2>
      <AgendaPart title="Goals" source={goals} />
      <AgendaPart title="Scope" source={scope} />
      <AgendaPart title="Open questions to discuss" source={openQuestions} />
      {preReading.length ? (
        <div className="space-y-1">
          <h3 className="font-semibold">Pre-reading</h3>
          <ul className="list-disc space-y-1 pl-5">
            {preReading.map((post) => (
              <li key={post.id}>
                <Link href={`/posts/${post.id}`}>{post.title}</Link>
                <span className="text-stone-600"> — {post.summary}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Facts({ session, timeZone }: { session: SessionPageData; timeZone: string }) {
  const row = (term: string, detail: ReactNode) => (
    <div className="sm:flex sm:gap-2">
      <dt className="font-medium text-stone-800">{term}</dt>
      <dd className="text-stone-700">{detail}</dd>
    </div>
  );
  return (
    <dl className="space-y-1 text-sm">
      {row(
        "When:",
        <time dateTime={session.startsAt.toISOString()}>
          {formatSessionTime(session.startsAt, session.endsAt, timeZone)}
        </time>,
      )}
      {session.location ? row("Where:", session.location) : null}
      {session.meetingUrl
        ? row(
            "Online:",
            <a href={session.meetingUrl} rel="noopener noreferrer nofollow" target="_blank">
              Join the meeting<span className="sr-only"> (opens in a new tab)</span>
            </a>,
          )
        : null}
      {row("Seats:", seatsText(session))}
      {row(
        session.hosts.length > 1 ? "Hosts:" : "Host:",
        <span>
          {session.hosts.map((host, index) => (
            <span key={host.id}>
              {index ? ", " : ""}
              <Link href={`/members/${host.id}`}>{host.name}</Link>
              {host.status !== "ACTIVE" ? " (no longer a member)" : ""}
            </span>
          ))}
        </span>,
      )}
      {session.proposal
        ? row(
            "Proposed by:",
            <Link href={`/members/${session.proposal.proposer.id}`}>
              {session.proposal.proposer.name}
            </Link>,
          )
        : null}
    </dl>
  );
}

function People({
  session,
  canRecordAttendance,
}: {
  session: SessionPageData;
  canRecordAttendance: boolean;
}) {
  const attended = session.going.filter((person) => person.attendedAt).length;
  return (
    <section aria-labelledby="people-heading" className="space-y-3">
      <h2 id="people-heading" className="text-lg font-semibold">
        Going ({session.goingCount})
        {session.waitlistCount ? (
          <span className="font-normal"> · {session.waitlistCount} on the waitlist</span>
        ) : null}
      </h2>
      {session.going.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Members going">
          {session.going.map((person) => (
            <li
              key={person.id}
              className="rounded-full border border-stone-200 bg-white px-3 py-1 text-sm"
            >
              <Link href={`/members/${person.id}`}>{person.name}</Link>
              {person.attendedAt ? <span className="text-green-800"> · attended</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-700">Nobody has said they are going yet.</p>
      )}
      {session.manages && session.waitlisted.length ? (
        <div className="space-y-1">
          <h3 className="font-semibold">Waitlist, in order</h3>
          <ol className="list-decimal space-y-1 pl-5 text-sm" aria-label="Waitlist">
            {session.waitlisted.map((person) => (
              <li key={person.id}>
                <Link href={`/members/${person.id}`}>{person.name}</Link>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {canRecordAttendance && session.going.length ? (
        <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
          <h3 className="font-semibold">Attendance</h3>
          <p className="text-sm text-stone-700">
            {attended} of {session.goingCount} marked as attended.
          </p>
          <AttendanceForm
            sessionId={session.id}
            people={session.going.map((person) => ({
              id: person.id,
              name: person.name,
              attended: Boolean(person.attendedAt),
            }))}
          />
        </div>
      ) : null}
    </section>
  );
}

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { viewer, session } = await load((await params).id);
  if (!session) notFound();
  const note = noteFrom(firstValues(await searchParams), NOTES);
  const cancelled = session.status === "CANCELLED";
  const managed = { ...session, hostIds: session.hosts.map((host) => host.id) };
  const full = session.capacity !== null && session.goingCount >= session.capacity;

  return (
    <article className="space-y-6">
      {note ? <Notice>{note}</Notice> : null}
      <header className="space-y-3">
        <p className="flex flex-wrap gap-1.5">
          <SessionBadge tone="format">{SESSION_FORMAT_LABELS[session.format]}</SessionBadge>
          {cancelled ? <SessionBadge tone="cancelled">Cancelled</SessionBadge> : null}
          {session.status === "COMPLETED" ? (
            <SessionBadge tone="quiet">Completed</SessionBadge>
          ) : null}
        </p>
        <h1 className="text-2xl font-semibold">{session.title}</h1>
        <CommunityLink community={session.community} />
        <Facts session={session} timeZone={viewer.timeZone} />
        <div className="flex flex-wrap gap-2">
          <a href={`/sessions/${session.id}/ics`} className={buttonClasses("secondary")} download>
            Add to calendar (.ics)
          </a>
          {mayChangeSession(viewer, managed) ? (
            <Link href={`/sessions/${session.id}/edit`} className={buttonClasses("secondary")}>
              Edit or cancel
            </Link>
          ) : null}
        </div>
      </header>

      {cancelled ? (
        <div
          role="note"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900"
        >
          <p className="font-semibold">This session was cancelled.</p>
          {session.cancelReason ? <p>{session.cancelReason}</p> : null}
        </div>
      ) : null}

      {session.endsAt <= new Date() ? null : session.hosting ? (
        <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          You&apos;re hosting this session.
        </p>
      ) : (
        <RsvpPanel
          sessionId={session.id}
          status={session.viewerRsvp?.status ?? null}
          waitlistPosition={session.viewerRsvp?.waitlistPosition ?? 0}
          full={full}
          closedReason={rsvpClosedReason(session)}
          canCheckIn={mayCheckIn(session.viewerRsvp, session)}
          checkedIn={Boolean(session.viewerRsvp?.attendedAt)}
        />
      )}

      <section aria-labelledby="about-heading" className="space-y-2">
        <h2 id="about-heading" className="text-lg font-semibold">
          About
        </h2>
        <Markdown source={session.description} />
      </section>
      <Agenda session={session} />
      <People session={session} canRecordAttendance={mayRecordAttendance(viewer, managed)} />
      <AfterSessionSection sessionId={session.id} viewer={viewer} />
    </article>
  );
}
