import Link from "next/link";
import { placesText } from "@/lib/mentorship/labels";

export interface MemberMentoringFacts {
  openToMentor: boolean;
  maxMentees: number;
  wantsMentor: boolean;
  goals: string;
  activeMentees: number;
}

/**
 * A member's profile section on mentoring: open to mentoring (with free places), looking for
 * a mentor (with their goals). Nothing when they have said neither.
 */
export function MemberMentoringSection({
  facts,
  isOwn,
}: {
  facts: MemberMentoringFacts;
  isOwn: boolean;
}) {
  if (!facts.openToMentor && !facts.wantsMentor) return null;
  const free = Math.max(0, facts.maxMentees - facts.activeMentees);
  return (
    <section
      aria-labelledby="mentoring-heading"
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="mentoring-heading" className="text-lg font-semibold">
          Mentoring
        </h2>
        {isOwn ? (
          <Link href="/profile#mentoring" className="text-sm">
            Change your mentoring preferences
          </Link>
        ) : null}
      </div>
      <ul className="space-y-1">
        {facts.openToMentor ? <li>Open to mentoring · {placesText(free)}</li> : null}
        {facts.wantsMentor ? <li>Looking for a mentor</li> : null}
      </ul>
      {facts.wantsMentor && facts.goals ? (
        <div>
          <h3 className="text-sm font-medium text-stone-800">What they want to learn or work on</h3>
          <p className="break-words whitespace-pre-line">{facts.goals}</p>
        </div>
      ) : null}
    </section>
  );
}
