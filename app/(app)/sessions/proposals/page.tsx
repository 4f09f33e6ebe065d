import type { Metadata } from "next";
import Link from "next/link";
import { Notice, noteFrom } from "@/components/posts/notice";
import { ProposalList, type ProposalPermissions } from "@/components/proposals/proposal-card";
import { ProposalTabs } from "@/components/proposals/proposal-tabs";
import { SessionTabs } from "@/components/sessions/session-tabs";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { can, requirePermission } from "@/lib/core/auth/session";
import type { TopicProposalStatus } from "@/lib/generated/prisma/enums";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listProposals } from "@/lib/proposals/queries";
import { proposalListParamsSchema, type ProposalTab } from "@/lib/proposals/schemas";

export const metadata: Metadata = { title: "Topic proposals" };

const TABS: Record<ProposalTab, { status: TopicProposalStatus; intro: string; empty: string }> = {
  open: {
    status: "OPEN",
    intro:
      "Topics members would like a session on, most votes first. Vote for the ones you'd attend.",
    empty: "No open proposals.",
  },
  scheduled: {
    status: "SCHEDULED",
    intro: "Proposals that became sessions, most votes first.",
    empty: "No proposal has been scheduled yet.",
  },
  declined: {
    status: "DECLINED",
    intro: "Proposals leaders decided not to schedule.",
    empty: "No proposal has been declined.",
  },
};

const NOTES = {
  proposed: "Topic proposed. Members can vote for it now.",
  withdrawn: "Proposal withdrawn.",
  declined: "Proposal declined. It is in the Declined list.",
};

export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:session:any");
  const { query, params } = await listQueryOrNotFound(searchParams, proposalListParamsSchema);
  const tab = params.status ?? "open";
  const { status, intro, empty } = TABS[tab];
  const page = await pageOrNotFound(
    listProposals({ viewerId: viewer.id, status, cursor: params.cursor }),
  );
  const note = noteFrom(query, NOTES);
  const permissions: ProposalPermissions = {
    viewerId: viewer.id,
    timeZone: viewer.timeZone,
    canSchedule: can(viewer, "create:session:any"),
    canDecline: can(viewer, "update:topic-proposal:any"),
  };

  return (
    <div className="space-y-6">
      {note ? <Notice>{note}</Notice> : null}
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Topic proposals</h1>
        <p className="text-stone-700">{intro}</p>
      </div>
      <SessionTabs current="/sessions/proposals" canSchedule={permissions.canSchedule} />
      <ProposalTabs current={tab} />
      <ProposalList
        proposals={page.items}
        can={permissions}
        label={`${tab[0]!.toUpperCase()}${tab.slice(1)} proposals`}
        empty={
          tab === "open" ? (
            <>
              {empty} <Link href="/sessions/proposals/new">Propose a topic</Link>.
            </>
          ) : (
            empty
          )
        }
      />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/sessions/proposals", { status: params.status }, { cursor })}
        label="Proposal pages"
      />
    </div>
  );
}
