// One kind of a member's activity, page by page: where the profile's "See all" links lead.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import {
  activityCounts,
  activityPage,
  activityPageSchema,
  ACTIVITY_KINDS,
} from "@/lib/members/activity";
import { getMemberProfile } from "@/lib/members/queries";
import { ACTIVITY_LABELS, ActivityItemRow } from "@/components/members/activity-item";
import { activityHref } from "@/components/members/profile-activity";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { TabLinks } from "@/components/ui/tab-links";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string) => {
  const viewer = await requirePermission("read:member:any");
  return { viewer, member: await getMemberProfile(viewer, id) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { member } = await load((await params).id);
  return { title: member ? `Activity of ${member.name}` : "Member not found" };
}

export default async function MemberActivityPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { viewer, member } = await load((await params).id);
  if (!member) notFound();
  const { query, params: list } = await listQueryOrNotFound(searchParams, activityPageSchema);
  const [counts, page] = await Promise.all([
    activityCounts(member.id, viewer),
    pageOrNotFound(activityPage(member.id, viewer, list.show, list.cursor)),
  ]);
  const base = `/members/${member.id}/activity`;
  const label = ACTIVITY_LABELS[list.show];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={`/members/${member.id}`}>Back to {member.name}’s profile</Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">Activity of {member.name}</h1>
      </div>
      <TabLinks
        label="Kinds of activity"
        current={activityHref(member.id, list.show)}
        links={ACTIVITY_KINDS.map((kind) => ({
          href: activityHref(member.id, kind),
          label: `${ACTIVITY_LABELS[kind].heading} (${counts[kind]})`,
        }))}
      />
      <section aria-labelledby="activity-list-heading" className="space-y-3">
        <h2 id="activity-list-heading" className="text-lg font-semibold">
          {label.heading}
        </h2>
        {page.items.length ? (
          <ul className="space-y-2 rounded-lg border border-stone-200 bg-white p-5">
            {page.items.map((item) => (
              <ActivityItemRow key={item.id} item={item} timeZone={viewer.timeZone} />
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">No {label.many} yet.</p>
        )}
      </section>
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!list.cursor}
        hrefFor={(next) => hrefWith(base, query, { cursor: next })}
        label={`Pages of ${label.many}`}
      />
    </div>
  );
}
