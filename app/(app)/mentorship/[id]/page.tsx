import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { CheckInForm } from "@/components/mentorship/check-in-form";
import { CheckInLog } from "@/components/mentorship/check-in-log";
import { EndRequestForm } from "@/components/mentorship/end-request-form";
import { GoalList } from "@/components/mentorship/goal-list";
import { cadenceText, isOpenStatus, STATUS_LABELS, todayInput } from "@/lib/mentorship/labels";
import { LinkList } from "@/components/mentorship/link-list";
import { PairingBadge } from "@/components/mentorship/pairing-badges";
import { ReflectionForm } from "@/components/mentorship/reflection-form";
import { StatusControls } from "@/components/mentorship/status-controls";
import { buttonClasses } from "@/components/ui/button";
import { requirePermission } from "@/lib/core/auth/session";
import { NotFound } from "@/lib/core/forms/errors";
import { idSchema } from "@/lib/core/ids";
import { mayWriteInSpace } from "@/lib/mentorship/access";
import { mayRecognise } from "@/lib/recognition/access";
import type { Actor } from "@/lib/core/auth/authorize";
import { getPairingSpace, listCheckIns } from "@/lib/mentorship/queries";
import { pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { firstValues, hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatCalendarDate, formatDay, toDateInput } from "@/lib/core/dates";

type Params = Promise<{ id: string }>;
type Space = Awaited<ReturnType<typeof getPairingSpace>>;

/** The viewer and the pair's space, once per request; null when it is not theirs to see. */
const load = cache(async (id: string) => {
  const viewer = await requirePermission("read:pairing:own");
  if (!idSchema.safeParse(id).success) return { viewer, space: null };
  try {
    return { viewer, space: await getPairingSpace(viewer, id) };
  } catch (error) {
    if (error instanceof NotFound) return { viewer, space: null };
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { space } = await load((await params).id);
  return {
    title: space ? `Mentorship: ${space.mentor.name} and ${space.mentee.name}` : "Not found",
  };
}

function Day({ date }: { date: Date }) {
  return <time dateTime={toDateInput(date)}>{formatCalendarDate(date)}</time>;
}

function Facts({ space }: { space: Space }) {
  const row = (term: string, detail: ReactNode) => (
    <div className="sm:flex sm:gap-2">
      <dt className="font-medium text-stone-800">{term}</dt>
      <dd className="text-stone-700">{detail}</dd>
    </div>
  );
  return (
    <dl className="space-y-1 text-sm">
      {row("Mentor:", <Link href={`/members/${space.mentor.id}`}>{space.mentor.name}</Link>)}
      {row("Mentee:", <Link href={`/members/${space.mentee.id}`}>{space.mentee.name}</Link>)}
      {row("Status:", STATUS_LABELS[space.status])}
      {row("Check-ins:", cadenceText(space.cadenceDays))}
      {row("Started:", <Day date={space.startsOn} />)}
      {space.expectedEndOn ? row("Expected end:", <Day date={space.expectedEndOn} />) : null}
      {row("Last check-in:", space.lastCheckInOn ? <Day date={space.lastCheckInOn} /> : "None yet")}
      {space.status === "ACTIVE" && space.nextCheckInDue
        ? row("Next check-in due:", <Day date={space.nextCheckInDue} />)
        : null}
    </dl>
  );
}

/** Why the space is closed or waiting for an admin: ended, completed, paused, end asked. */
function StatusNotices({ space, timeZone }: { space: Space; timeZone: string }) {
  const when = (date: Date | null) =>
    date ? (
      <>
        {" on "}
        <time dateTime={date.toISOString()}>{formatDay(date, timeZone)}</time>
      </>
    ) : null;
  return (
    <>
      {space.status === "ENDED" ? (
        <div
          role="note"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900"
        >
          <p className="font-semibold">This mentorship was ended{when(space.endedAt)}.</p>
          {space.endReason ? (
            <p className="break-words whitespace-pre-line">{space.endReason}</p>
          ) : null}
        </div>
      ) : null}
      {space.status === "COMPLETED" ? (
        <p
          role="note"
          className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          This mentorship was completed{when(space.completedAt)}. Its space stays here to read.
        </p>
      ) : null}
      {space.status === "PAUSED" ? (
        <p
          role="note"
          className="rounded-md border border-stone-300 bg-stone-50 px-4 py-3 text-stone-800"
        >
          This mentorship was paused{when(space.pausedAt)}: no check-ins are expected until an admin
          resumes it.
        </p>
      ) : null}
      {space.endRequest && isOpenStatus(space.status) ? (
        <div
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
        >
          <p className="font-semibold">
            {space.endRequest.byName ?? "A member"} asked to end this mentorship
            {when(space.endRequest.at)}.
          </p>
          {space.endRequest.reason ? (
            <p className="break-words whitespace-pre-line">{space.endRequest.reason}</p>
          ) : null}
          <p className="text-sm">An admin will end or complete it.</p>
        </div>
      ) : null}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Reflections({ space, actor }: { space: Space; actor: Actor }) {
  const viewerId = actor.id;
  const { viewer } = space;
  const mine = space.reflections.find((r) => r.userId === viewerId) ?? null;
  const other = viewer.otherMember;
  const canThank = other !== null && mayRecognise(actor, other);
  return (
    <Section id="reflections-heading" title="Reflections">
      <p className="max-w-3xl text-stone-700">
        Now that the mentorship is complete, each of you writes a short reflection: what you learned
        and what you&apos;ll do next. Both of you and the admins can read them.
      </p>
      {space.reflections.length ? (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Reflections">
          {space.reflections.map((reflection) => (
            <li
              key={reflection.userId}
              className="space-y-2 rounded-md border border-stone-200 bg-white p-3"
            >
              <h3 className="text-base font-semibold break-words">
                {reflection.userId === viewerId
                  ? "Your reflection"
                  : `${reflection.name}'s reflection`}
              </h3>
              <div>
                <p className="text-sm font-medium text-stone-800">What I learned</p>
                <p className="break-words whitespace-pre-line">{reflection.learned}</p>
              </div>
              <div>
                <p className="text-sm font-medium text-stone-800">What I&apos;ll do next</p>
                <p className="break-words whitespace-pre-line">{reflection.nextSteps}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">No reflections yet.</p>
      )}
      {viewer.isMember ? (
        <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h3 className="text-base font-semibold">
            {mine ? "Edit your reflection" : "Write your reflection"}
          </h3>
          <ReflectionForm
            pairingId={space.id}
            initial={mine ? { learned: mine.learned, nextSteps: mine.nextSteps } : null}
          />
        </div>
      ) : null}
      {canThank ? (
        <p>
          <Link
            href={`/recognition/new?${new URLSearchParams({ to: other.id, link: `/mentorship/${space.id}` })}`}
            className={buttonClasses("secondary")}
          >
            Thank {other.name} with a shout-out
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

export default async function PairingSpacePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { viewer, space } = await load((await params).id);
  if (!space) notFound();
  const query = firstValues(await searchParams);
  const before = query.before ?? null;
  const checkIns = await pageOrNotFound(listCheckIns(viewer, space.id, before));
  const editable = mayWriteInSpace(viewer, {
    mentorId: space.mentor.id,
    menteeId: space.mentee.id,
    status: space.status,
  });
  const pairName = `${space.mentor.name} and ${space.mentee.name}`;
  const path = `/mentorship/${space.id}`;

  return (
    <article className="space-y-8">
      <p className="text-sm">
        {space.viewer.isMember ? (
          <Link href="/mentorship">← Your mentoring</Link>
        ) : (
          <Link href="/admin/mentorship">← The mentoring programme</Link>
        )}
      </p>
      <header className="space-y-3">
        <p className="flex flex-wrap gap-1.5">
          <PairingBadge status={space.status} health={space.health} />
        </p>
        <h1 className="text-2xl font-semibold break-words">
          {space.mentor.name} <span aria-hidden="true">→</span>
          <span className="sr-only">mentoring</span> {space.mentee.name}
        </h1>
        <Facts space={space} />
        {space.goals ? (
          <div className="max-w-3xl space-y-1">
            <p className="text-sm font-medium text-stone-800">What this mentorship is for</p>
            <p className="break-words whitespace-pre-line">{space.goals}</p>
          </div>
        ) : null}
      </header>

      {!space.viewer.isMember ? (
        <p className="rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-800">
          You&apos;re viewing this space as an admin: only {pairName} can write in it.
        </p>
      ) : null}
      <StatusNotices space={space} timeZone={viewer.timeZone} />

      {space.viewer.isAdmin ? (
        <section
          aria-labelledby="admin-controls-heading"
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id="admin-controls-heading" className="text-lg font-semibold">
            Admin controls
          </h2>
          <StatusControls pairingId={space.id} status={space.status} pairName={pairName} />
        </section>
      ) : null}

      {space.status === "COMPLETED" ? <Reflections space={space} actor={viewer} /> : null}

      <Section id="goals-heading" title="Goals and progress">
        <GoalList pairingId={space.id} goals={space.goalItems} editable={editable} />
      </Section>

      <Section id="check-ins-heading" title="Check-ins">
        {editable && !before ? (
          <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <h3 className="text-base font-semibold">Log a check-in</h3>
            <CheckInForm pairingId={space.id} today={todayInput(viewer.timeZone)} />
          </div>
        ) : null}
        <CheckInLog
          items={checkIns.items}
          nextCursor={checkIns.nextCursor}
          isFirstPage={!before}
          hrefFor={(cursor) => hrefWith(path, query, { before: cursor })}
        />
      </Section>

      <Section id="links-heading" title="Worth studying">
        <LinkList pairingId={space.id} links={space.links} editable={editable} />
      </Section>

      {editable && !space.endRequest ? (
        <Section id="end-request-heading" title="Ask to end this mentorship">
          <p className="max-w-3xl text-stone-700">
            If the mentorship isn&apos;t working or has run its course, tell the admins. They end or
            complete it; until then the space stays open.
          </p>
          <EndRequestForm pairingId={space.id} />
        </Section>
      ) : null}
    </article>
  );
}
