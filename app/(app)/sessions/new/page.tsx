import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionForm, type SessionFormValues } from "@/components/sessions/session-form";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { communityChoicesFor } from "@/lib/communities/visibility";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { getProposalForScheduling } from "@/lib/proposals/queries";
import { utcToZonedInput } from "@/lib/core/zoned-time";

export const metadata: Metadata = { title: "Schedule a session" };

/** A week from now at noon (the viewer's clock), an hour long: a sensible start to edit. */
function defaultTimes(timeZone: string) {
  const start = utcToZonedInput(new Date(Date.now() + 7 * 86_400_000), timeZone).slice(0, 10);
  return { startsAt: `${start}T12:00`, endsAt: `${start}T13:00` };
}

export default async function NewSessionPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:session:any");
  const { proposal: proposalId, community } = firstValues(await searchParams);
  const { communities, chosen } = await communityChoicesFor(db, viewer.id, community);
  const proposal = proposalId ? await getProposalForScheduling(proposalId) : null;
  if (proposalId && !proposal) notFound();
  const host = proposal?.willHost ? proposal.proposer : { id: viewer.id, name: viewer.name };
  const initial: SessionFormValues = {
    proposalId: proposal?.id,
    title: proposal?.title ?? "",
    description: proposal?.why ?? "",
    ...defaultTimes(viewer.timeZone),
    location: "",
    meetingUrl: "",
    capacity: "",
    goals: "",
    scope: "",
    openQuestions: "",
    hosts: [{ id: host.id, label: host.name }],
    preReading: [],
    communityId: chosen,
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Schedule a session</h1>
        {proposal ? (
          <p className="text-stone-700">
            From the topic proposed by {proposal.proposer.name}
            {proposal.willHost ? ", who offered to host it" : ""}. They will be credited on the
            session page and told that it is scheduled.
          </p>
        ) : (
          <p className="text-stone-700">
            Hosts are told when you schedule; members RSVP from the session page.{" "}
            <Link href="/sessions/proposals">See the topics members proposed</Link>.
          </p>
        )}
      </div>
      <SessionForm initial={initial} timeZone={viewer.timeZone} communities={communities} />
    </div>
  );
}
