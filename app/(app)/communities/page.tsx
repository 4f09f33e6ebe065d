import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ActionForm } from "@/components/communities/action-form";
import { CommunityCard } from "@/components/communities/community-card";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requireUser } from "@/lib/core/auth/session";
import { listQueryOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { mayCreateCommunity } from "@/lib/communities/access";
import { answerInvitationAction } from "@/lib/communities/actions";
import { communityDirectory, invitationsFor } from "@/lib/communities/queries";
import { directorySearchSchema } from "@/lib/communities/schemas";

export const metadata: Metadata = { title: "Communities" };

const paramsSchema = z.object({
  q: directorySearchSchema.optional(),
  cursor: z.string().max(500).optional(),
});

export default async function CommunitiesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireUser();
  const { query, params } = await listQueryOrNotFound(searchParams, paramsSchema);
  const [page, invitations] = await Promise.all([
    communityDirectory(viewer, { search: params.q, cursor: params.cursor }),
    params.cursor || params.q ? [] : invitationsFor(viewer),
  ]);
  const mine = page.items.filter((item) => item.mine === 0);
  const others = page.items.filter((item) => item.mine === 1);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">Communities</h1>
          <p className="text-stone-700">
            Guilds, chapters, project groups and cohorts: people who learn about the same things
            together.
          </p>
        </div>
        {mayCreateCommunity(viewer) ? (
          <Link href="/communities/new" className={buttonClasses("primary")}>
            New community
          </Link>
        ) : null}
      </div>

      {invitations.length ? (
        <section id="invitations" aria-labelledby="invitations-title" className="space-y-3">
          <h2 id="invitations-title" className="text-lg font-semibold">
            Invitations for you
          </h2>
          <ul className="space-y-3">
            {invitations.map((invitation) => (
              <li
                key={invitation.communityId}
                className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-4"
              >
                <p>
                  <strong>{invitation.community.name}</strong>
                  {invitation.decidedBy ? ` — invited by ${invitation.decidedBy.name}` : null}
                </p>
                <div className="flex flex-wrap gap-2">
                  <ActionForm
                    action={answerInvitationAction}
                    fields={{ communityId: invitation.communityId, answer: "accept" }}
                    label="Accept"
                    variant="primary"
                    accessibleLabel={`Accept the invitation to ${invitation.community.name}`}
                  />
                  <ActionForm
                    action={answerInvitationAction}
                    fields={{ communityId: invitation.communityId, answer: "decline" }}
                    label="Decline"
                    accessibleLabel={`Decline the invitation to ${invitation.community.name}`}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <form role="search" action="/communities" className="flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="community-search" className="block text-sm font-medium text-stone-800">
            Search communities
          </label>
          <input
            id="community-search"
            type="search"
            name="q"
            defaultValue={params.q ?? ""}
            maxLength={100}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm"
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </form>

      {mine.length ? (
        <section aria-labelledby="mine-title" className="space-y-3">
          <h2 id="mine-title" className="text-lg font-semibold">
            Your communities
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {mine.map((community) => (
              <CommunityCard key={community.id} community={community} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="all-title" className="space-y-3">
        <h2 id="all-title" className="text-lg font-semibold">
          {params.q
            ? `Communities matching “${params.q}”`
            : mine.length
              ? "More communities"
              : "All communities"}
        </h2>
        {others.length ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {others.map((community) => (
              <CommunityCard key={community.id} community={community} />
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">
            {params.q ? "No other community matches." : "No more communities to show."}
          </p>
        )}
      </section>

      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/communities", query, { cursor })}
        label="Community pages"
      />
    </div>
  );
}
