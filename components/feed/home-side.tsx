// The home page's side column, compact enough for a 20rem column: the member's next sessions,
// the latest featured recognition and colleagues who can teach. Full cards live on their own
// pages; these link there.
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatSessionTime } from "@/lib/core/zoned-time";
import { plural } from "@/lib/core/format";
import type { SuggestedTeacher } from "@/lib/members/queries";
import type { PersonLink, RecognitionCard } from "@/lib/recognition/queries";
import type { NextSessions, SessionSummary } from "@/lib/sessions/queries";

const FRAME = "divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white";

function SideSection({
  id,
  heading,
  more,
  children,
}: {
  id: string;
  heading: string;
  more?: { href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={id} className="text-lg font-semibold">
          {heading}
        </h2>
        {more ? (
          <Link href={more.href} className="action-link">
            {more.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

const VIEWER_STATUS = {
  HOSTING: "You're hosting",
  GOING: "You're going",
  WAITLISTED: "On the waitlist",
} as const;

function sessionNote(session: SessionSummary): string | null {
  if (session.status === "CANCELLED") return "Cancelled";
  const status = session.viewerStatus;
  return status && status !== "NOT_GOING" ? VIEWER_STATUS[status] : null;
}

/** The member's own next sessions (hosting, going, waiting), or else what comes up for all. */
export function HomeSessions({
  next: { mine, sessions },
  timeZone,
}: {
  next: NextSessions;
  timeZone: string;
}) {
  const heading = mine ? "Your next sessions" : "Coming up";
  return (
    <SideSection
      id="next-sessions-heading"
      heading={heading}
      more={{ href: "/sessions", label: "All sessions" }}
    >
      {sessions.length ? (
        <ul aria-label={heading} className={FRAME}>
          {sessions.map((session) => {
            const note = sessionNote(session);
            return (
              <li key={session.id} className="space-y-0.5 px-3 py-2">
                <Link href={`/sessions/${session.id}`} className="font-medium break-words">
                  {session.title}
                </Link>
                <p className="text-sm text-stone-700">
                  <time dateTime={session.startsAt.toISOString()}>
                    {formatSessionTime(session.startsAt, session.endsAt, timeZone)}
                  </time>
                </p>
                {note ? <p className="text-xs font-semibold text-green-900">{note}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-stone-700">
          No sessions planned. <Link href="/sessions/proposals">Propose a topic</Link>.
        </p>
      )}
    </SideSection>
  );
}

/** A member's name, linked to their profile while they are active. */
function Person({ person }: { person: PersonLink }) {
  return person.active ? (
    <Link href={`/members/${person.id}`}>{person.name}</Link>
  ) : (
    <span>{person.name}</span>
  );
}

function thanked(card: RecognitionCard) {
  if (card.team) return <>the {card.team.name} team</>;
  const [first, ...others] = card.recipients;
  if (!first) return null;
  const more = others.length + (card.moreRecipients ? 1 : 0);
  return (
    <>
      <Person person={first} />
      {more ? ` and ${plural(more, "other", "others")}` : null}
    </>
  );
}

/** The latest featured recognitions: who thanked whom, the start of the message, when. */
export function HomeRecognition({
  cards,
  timeZone,
}: {
  cards: RecognitionCard[];
  timeZone: string;
}) {
  return (
    <SideSection
      id="home-wall-heading"
      heading="Recognition wall"
      more={{ href: "/recognition", label: "See all recognition" }}
    >
      {cards.length ? (
        <ul aria-label="Featured recognition" className={FRAME}>
          {cards.map((card) => (
            <li key={card.id} className="space-y-1 px-3 py-2 text-sm">
              <p className="font-medium break-words">
                <Avatar
                  name={card.giver.name}
                  avatarId={card.giver.avatarId}
                  size={20}
                  className="mr-1.5"
                />
                <Person person={card.giver} /> thanked {thanked(card)}
              </p>
              <Markdown source={card.message} className="line-clamp-3 text-stone-800" />
              <p className="text-xs text-stone-600">
                {card.value.name} ·{" "}
                <Link href={`/recognition/${card.id}`} className="text-stone-600">
                  <RelativeTime date={card.createdAt} timeZone={timeZone} />
                  <span className="sr-only"> (open this recognition)</span>
                </Link>
                {card.applauseCount
                  ? ` · ${plural(card.applauseCount, "applause", "applause")}`
                  : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-700">
          Nothing featured yet. <Link href="/recognition/new">Thank a colleague</Link> for something
          they shared.
        </p>
      )}
    </SideSection>
  );
}

/** Colleagues who can teach what the member wants to learn, with the matching skills. */
export function HomeTeachers({ teachers }: { teachers: SuggestedTeacher[] }) {
  return (
    <SideSection
      id="teachers-heading"
      heading="Colleagues who can teach what you want to learn"
      more={{ href: "/members", label: "Find more" }}
    >
      {teachers.length ? (
        <ul aria-label="Suggested colleagues" className={FRAME}>
          {teachers.map((teacher) => (
            <li key={teacher.id} className="flex gap-2.5 px-3 py-2 text-sm">
              <Avatar name={teacher.name} avatarId={teacher.avatarId} size={32} />
              <div className="min-w-0 space-y-0.5">
                <p>
                  <Link href={`/members/${teacher.id}`} className="font-medium">
                    {teacher.name}
                  </Link>
                  {teacher.title ? (
                    <span className="text-stone-600"> · {teacher.title}</span>
                  ) : null}
                </p>
                <p className="text-brand-800">Can help with {teacher.matching.join(", ")}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-700">
          Nobody yet. <Link href="/profile">Add what you want to learn to your profile</Link> and
          we&apos;ll show who can teach it.
        </p>
      )}
    </SideSection>
  );
}
