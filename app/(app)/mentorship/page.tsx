import type { Metadata } from "next";
import Link from "next/link";
import { Notice, noteFrom } from "@/components/posts/notice";
import { PairingCards } from "@/components/mentorship/pairing-card";
import {
  RequestMentorForm,
  WithdrawRequestButton,
} from "@/components/mentorship/request-mentor-form";
import { buttonClasses } from "@/components/ui/button";
import { can, requirePermission } from "@/lib/core/auth/session";
import { myMentorships } from "@/lib/mentorship/queries";
import { mentorRequestNotePrefill } from "@/lib/mentorship/request-prefill";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDay } from "@/lib/core/dates";

export const metadata: Metadata = { title: "Mentoring" };

const NOTES = {
  asked: "Thanks for asking. An admin will pair you with a mentor soon.",
  withdrawn: "Your request for a mentor is withdrawn.",
};

export default async function MentoringPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:pairing:own");
  const { asMentor, asMentee, waitingRequest } = await myMentorships(viewer);
  const query = firstValues(await searchParams);
  const note = noteFrom(query, NOTES);

  return (
    <div className="space-y-8">
      {note ? <Notice>{note}</Notice> : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-2">
          <h1 className="text-2xl font-semibold">Mentoring</h1>
          <p className="text-stone-700">
            Admins pair members who want to learn with colleagues who can teach it. Each pair gets a
            private space for their goals, check-ins and things worth studying.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <Link href="/profile#mentoring" className={buttonClasses("secondary")}>
            Your mentoring preferences
          </Link>
          {can(viewer, "read:mentorship-programme:any") ? (
            <Link href="/admin/mentorship" className={buttonClasses("secondary")}>
              Run the programme
            </Link>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="mentors-heading" className="space-y-3">
        <h2 id="mentors-heading" className="text-lg font-semibold">
          Your mentors
        </h2>
        <PairingCards
          pairings={asMentee}
          role="mentor"
          label="Your mentors"
          empty={
            <p>
              You don&apos;t have a mentor yet. Ask for one below: an admin pairs you with a
              colleague who can teach what you want to learn, taken from your profile.
            </p>
          }
        />
      </section>

      <section aria-labelledby="request-heading" className="space-y-3">
        <h2 id="request-heading" className="text-lg font-semibold">
          Ask for a mentor
        </h2>
        {waitingRequest ? (
          <div className="max-w-2xl space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <p>
              You asked for a mentor on{" "}
              <time dateTime={waitingRequest.createdAt.toISOString()}>
                {formatDay(waitingRequest.createdAt, viewer.timeZone)}
              </time>
              ; an admin will pair you.
            </p>
            {waitingRequest.note ? (
              <div className="text-sm text-stone-700">
                <p className="font-medium">Your note</p>
                <p className="break-words whitespace-pre-line">{waitingRequest.note}</p>
              </div>
            ) : null}
            <WithdrawRequestButton requestId={waitingRequest.id} />
          </div>
        ) : (
          <div className="space-y-3">
            <p className="max-w-3xl text-stone-700">
              Admins see your request with the skills you want to learn and your goals from{" "}
              <Link href="/profile#mentoring">your preferences</Link>, and suggest mentors who teach
              them.
            </p>
            <RequestMentorForm
              defaultNote={mentorRequestNotePrefill(query)}
              currentMentors={asMentee
                .filter((pairing) => pairing.status === "ACTIVE" || pairing.status === "PAUSED")
                .map((pairing) => pairing.otherMember.name)}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="mentees-heading" className="space-y-3">
        <h2 id="mentees-heading" className="text-lg font-semibold">
          Your mentees
        </h2>
        <PairingCards
          pairings={asMentor}
          role="mentee"
          label="Your mentees"
          empty={
            <p>
              You aren&apos;t mentoring anyone yet. Say you&apos;re open to mentoring in{" "}
              <Link href="/profile#mentoring">your preferences</Link>, and admins can pair you with
              a colleague who wants to learn what you teach.
            </p>
          }
        />
      </section>
    </div>
  );
}
