import type { ReactNode } from "react";
import Link from "next/link";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { When } from "@/components/discussions/when";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/posts/badges";
import { buttonClasses } from "@/components/ui/button";
import { mayWithdrawProposal } from "@/lib/proposals/access";
import { declineProposalAction, withdrawProposalAction } from "@/lib/proposals/actions";
import type { ProposalSummary } from "@/lib/proposals/queries";
import { formatSessionTime } from "@/lib/core/zoned-time";
import { votesText, VoteButton } from "./vote-button";

/** What the viewer may do to proposals, worked out once per page from their role. */
export interface ProposalPermissions {
  viewerId: string;
  timeZone: string;
  /** Leaders: "Schedule as a session". */
  canSchedule: boolean;
  /** Leaders: "Decline". */
  canDecline: boolean;
}

function ScheduledAs({
  session,
  timeZone,
}: {
  session: NonNullable<ProposalSummary["session"]>;
  timeZone: string;
}) {
  return (
    <p className="text-sm text-stone-800">
      Scheduled as <Link href={`/sessions/${session.id}`}>{session.title}</Link>,{" "}
      {formatSessionTime(session.startsAt, session.endsAt, timeZone)}
      {session.status === "CANCELLED" ? " (cancelled)" : null}
    </p>
  );
}

/** The open proposal's buttons: vote; for leaders schedule and decline; for its proposer withdraw. */
function OpenProposalTools({
  proposal,
  can,
}: {
  proposal: ProposalSummary;
  can: ProposalPermissions;
}) {
  const mayWithdraw = mayWithdrawProposal(
    { id: can.viewerId },
    { proposerId: proposal.proposer.id, status: proposal.status },
  );
  const srTitle = ` ${proposal.title}`;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <VoteButton
        proposalId={proposal.id}
        title={proposal.title}
        voted={proposal.voted}
        count={proposal.voteCount}
      />
      {can.canSchedule ? (
        <Link
          href={`/sessions/new?proposal=${encodeURIComponent(proposal.id)}`}
          className={buttonClasses("secondary")}
        >
          Schedule as a session<span className="sr-only">: {proposal.title}</span>
        </Link>
      ) : null}
      {can.canDecline ? (
        <ActionButtonForm
          action={declineProposalAction}
          fields={{ id: proposal.id }}
          label="Decline"
          srSuffix={srTitle}
          pendingText="Declining…"
          confirm={{
            question: "Decline this topic? Voting closes and it moves to the Declined list.",
            confirmLabel: "Decline topic",
          }}
        />
      ) : null}
      {mayWithdraw ? (
        <ActionButtonForm
          action={withdrawProposalAction}
          fields={{ id: proposal.id }}
          label="Withdraw"
          srSuffix={srTitle}
          pendingText="Withdrawing…"
          confirm={{
            question: "Withdraw your proposal? It and its votes are deleted.",
            confirmLabel: "Withdraw proposal",
          }}
        />
      ) : null}
    </div>
  );
}

/** One proposal: title, why (markdown), proposer, badges, votes and what the viewer may do. */
export function ProposalCard({
  proposal,
  can,
}: {
  proposal: ProposalSummary;
  can: ProposalPermissions;
}) {
  const headingId = `proposal-${proposal.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id={headingId} className="text-base font-semibold break-words">
        {proposal.title}
      </h2>
      <p className="flex flex-wrap items-center gap-1.5 text-sm text-stone-600">
        {proposal.willHost ? <Badge tone="type">Would host</Badge> : null}
        <span>
          Proposed by{" "}
          <Link href={`/members/${proposal.proposer.id}`}>{proposal.proposer.name}</Link> on{" "}
          <When date={proposal.createdAt} timeZone={can.timeZone} />
        </span>
      </p>
      <Markdown source={proposal.why} className="text-sm" />
      {proposal.session ? <ScheduledAs session={proposal.session} timeZone={can.timeZone} /> : null}
      {proposal.status === "OPEN" ? (
        <OpenProposalTools proposal={proposal} can={can} />
      ) : (
        <p className="text-sm text-stone-700">{votesText(proposal.voteCount)}</p>
      )}
    </article>
  );
}

/** The list of cards, or a friendly line when there are none. */
export function ProposalList({
  proposals,
  can,
  label,
  empty,
}: {
  proposals: ProposalSummary[];
  can: ProposalPermissions;
  label: string;
  empty: ReactNode;
}) {
  if (!proposals.length) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
        {empty}
      </p>
    );
  }
  return (
    <ol aria-label={label} className="space-y-3">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <ProposalCard proposal={proposal} can={can} />
        </li>
      ))}
    </ol>
  );
}
