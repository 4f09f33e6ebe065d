import Link from "next/link";
import type { Actor } from "@/lib/core/auth/authorize";
import {
  ACTIVITY_KINDS,
  activityCounts,
  latestActivity,
  type ActivityKind,
  type ActivityItem,
} from "@/lib/members/activity";
import { ACTIVITY_LABELS, ActivityItemRow } from "./activity-item";

export const activityHref = (memberId: string, kind: ActivityKind) =>
  `/members/${memberId}/activity?${new URLSearchParams({ show: kind })}`;

function KindCard({
  memberId,
  kind,
  count,
  items,
  timeZone,
}: {
  memberId: string;
  kind: ActivityKind;
  count: number;
  items: ActivityItem[];
  timeZone: string;
}) {
  const label = ACTIVITY_LABELS[kind];
  const headingId = `activity-${kind}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="flex items-baseline gap-2 font-semibold">
        {label.heading}
        <span className="rounded-full bg-stone-100 px-2 text-sm font-medium text-stone-700">
          {count}
        </span>
      </h3>
      {items.length ? (
        <ul className="space-y-1.5">
          {items.map((item) => (
            <ActivityItemRow key={item.id} item={item} timeZone={timeZone} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">None yet.</p>
      )}
      {count > items.length ? (
        <Link href={activityHref(memberId, kind)} className="inline-block text-sm">
          See all {count} {label.many}
        </Link>
      ) : null}
    </section>
  );
}

/**
 * A member's activity on their profile: questions, answers, knowledge posts, sessions hosted
 * and recognition received, each with its count and newest few (two statements in all).
 */
export async function ProfileActivity({
  memberId,
  viewer,
}: {
  memberId: string;
  viewer: Actor & { timeZone: string };
}) {
  const [counts, latest] = await Promise.all([
    activityCounts(memberId, viewer),
    latestActivity(memberId, viewer),
  ]);
  return (
    <section
      aria-labelledby="activity-heading"
      className="rounded-lg border border-stone-200 bg-white p-5"
    >
      <h2 id="activity-heading" className="mb-4 text-lg font-semibold">
        Activity
      </h2>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {ACTIVITY_KINDS.map((kind) => (
          <KindCard
            key={kind}
            memberId={memberId}
            kind={kind}
            count={counts[kind]}
            items={latest[kind]}
            timeZone={viewer.timeZone}
          />
        ))}
      </div>
    </section>
  );
}
