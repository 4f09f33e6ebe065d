// Reading knowledge requests: the list (keyset pages by votes or newest) and one request.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { myAskOf, type MyAsk } from "@/lib/asks/queries";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { REQUEST_LIMITS } from "./limits";
import type { REQUEST_SORTS } from "./schemas";

export interface RequestListItem {
  id: string;
  title: string;
  status: "OPEN" | "FULFILLED" | "CLOSED";
  voteCount: number;
  createdAt: Date;
  requesterName: string;
  tags: { name: string; slug: string }[];
}

const votesKey = z.tuple([z.number().int(), z.string()]);
const newestKey = z.tuple([z.string(), z.string()]);

export async function listRequests(input: {
  sort: (typeof REQUEST_SORTS)[number];
  cursor?: string;
}): Promise<Page<RequestListItem>> {
  const take = REQUEST_LIMITS.pageSize;
  const after =
    input.sort === "votes"
      ? input.cursor
        ? (() => {
            const [votes, id] = decodeCursorOrThrow(input.cursor, votesKey);
            return { OR: [{ voteCount: { lt: votes } }, { voteCount: votes, id: { lt: id } }] };
          })()
        : {}
      : input.cursor
        ? (() => {
            const [at, id] = decodeCursorOrThrow(input.cursor, newestKey);
            const date = new Date(at);
            return { OR: [{ createdAt: { lt: date } }, { createdAt: date, id: { lt: id } }] };
          })()
        : {};
  const rows = await db.knowledgeRequest.findMany({
    where: { status: "OPEN", ...after },
    orderBy:
      input.sort === "votes"
        ? [{ voteCount: "desc" }, { id: "desc" }]
        : [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      title: true,
      status: true,
      voteCount: true,
      createdAt: true,
      requester: { select: { name: true } },
      tags: { select: { tag: { select: { name: true, slug: true } } } },
    },
  });
  const items = rows.map(({ requester, tags, ...row }) => ({
    ...row,
    requesterName: requester.name,
    tags: tags.map((t) => t.tag),
  }));
  return toPage(items, take, (row) =>
    input.sort === "votes" ? [row.voteCount, row.id] : [row.createdAt.toISOString(), row.id],
  );
}

export interface RequestDetail extends RequestListItem {
  details: string;
  requesterId: string;
  fulfilledByPost: { id: string; title: string } | null;
  viewerVoted: boolean;
  /** The viewer's own published posts, newest first, to fulfil the request with. */
  viewerPosts: { id: string; title: string }[];
  /** The viewer's ask about this request, if they were asked to write the post. */
  myAsk: MyAsk | null;
}

export async function getRequest(id: string, viewerId: string): Promise<RequestDetail | null> {
  const row = await db.knowledgeRequest.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      details: true,
      status: true,
      voteCount: true,
      createdAt: true,
      requesterId: true,
      requester: { select: { name: true } },
      tags: { select: { tag: { select: { name: true, slug: true } } } },
      fulfilledByPost: { select: { id: true, title: true } },
      votes: { where: { userId: viewerId }, select: { userId: true } },
      asks: {
        where: { askedMemberId: viewerId },
        select: { id: true, status: true, reasons: true, askedBy: { select: { name: true } } },
      },
    },
  });
  if (!row) return null;
  const viewerPosts = await db.knowledgePost.findMany({
    where: { authorId: viewerId, status: "PUBLISHED", deletedAt: null, hiddenAt: null },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, title: true },
  });
  const { requester, tags, votes, asks, ...rest } = row;
  const ask = asks[0];
  return {
    ...rest,
    requesterName: requester.name,
    tags: tags.map((t) => t.tag),
    viewerVoted: votes.length > 0,
    viewerPosts,
    myAsk: ask ? myAskOf(ask) : null,
  };
}
