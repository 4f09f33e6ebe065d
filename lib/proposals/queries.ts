import "server-only";
// What the proposals pages show: one page of a tab, most votes first, keyset-paginated on
// the (status, voteCount, id) index; and an open proposal to prefill a new session with.
// Each is one statement (Prisma joins the proposer, the viewer's vote and the session).
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionStatus, TopicProposalStatus } from "@/lib/generated/prisma/enums";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { PROPOSAL_PAGE_SIZE } from "./limits";
import { proposalIdSchema } from "./schemas";

export interface ProposalSummary {
  id: string;
  title: string;
  /** Markdown: render it with components/markdown.tsx. */
  why: string;
  willHost: boolean;
  status: TopicProposalStatus;
  voteCount: number;
  createdAt: Date;
  proposer: { id: string; name: string };
  /** Whether the viewer has voted for it. */
  voted: boolean;
  /** The session it became (SCHEDULED proposals). */
  session: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    status: SessionStatus;
  } | null;
}

export interface ProposalListParams {
  viewerId: string;
  status: TopicProposalStatus;
  cursor?: string;
}

const countKey = z.tuple([z.number().int().min(0), proposalIdSchema]);

function afterCursor(raw: string | undefined): Prisma.TopicProposalWhereInput {
  if (!raw) return {};
  const [voteCount, id] = decodeCursorOrThrow(raw, countKey);
  return { OR: [{ voteCount: { lt: voteCount } }, { voteCount, id: { lt: id } }] };
}

function summarySelect(viewerId: string) {
  return {
    id: true,
    title: true,
    why: true,
    willHost: true,
    status: true,
    voteCount: true,
    createdAt: true,
    proposer: { select: { id: true, name: true } },
    votes: { where: { userId: viewerId }, select: { userId: true } },
    session: { select: { id: true, title: true, startsAt: true, endsAt: true, status: true } },
  } satisfies Prisma.TopicProposalSelect;
}

/**
 * One page of proposals with the given status, most votes first (newest id first among
 * equal counts). A malformed cursor is InvalidCursor (the page's 404).
 */
export async function listProposals(
  { viewerId, status, cursor }: ProposalListParams,
  take = PROPOSAL_PAGE_SIZE,
): Promise<Page<ProposalSummary>> {
  const rows = await db.topicProposal.findMany({
    where: { status, ...afterCursor(cursor) },
    orderBy: [{ voteCount: "desc" }, { id: "desc" }],
    take: take + 1,
    select: summarySelect(viewerId),
  });
  const page = toPage(rows, take, (row) => [row.voteCount, row.id]);
  return {
    ...page,
    items: page.items.map(({ votes, ...row }) => ({ ...row, voted: votes.length > 0 })),
  };
}

export interface ProposalForScheduling {
  id: string;
  title: string;
  why: string;
  willHost: boolean;
  proposer: { id: string; name: string };
}

/** An open proposal, to prefill /sessions/new?proposal=<id>; null for any other id. */
export async function getProposalForScheduling(id: string): Promise<ProposalForScheduling | null> {
  if (!proposalIdSchema.safeParse(id).success) return null;
  return db.topicProposal.findFirst({
    where: { id, status: "OPEN" },
    select: {
      id: true,
      title: true,
      why: true,
      willHost: true,
      proposer: { select: { id: true, name: true } },
    },
  });
}
