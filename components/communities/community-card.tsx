import Link from "next/link";
import { plainExcerpt } from "@/lib/core/markdown/excerpt";
import { COMMUNITY_ACCESS_BADGES, membersPhrase } from "@/lib/communities/labels";
import type { CommunityAccess } from "@/lib/generated/prisma/enums";

export function AccessBadge({ access }: { access: CommunityAccess }) {
  const tone =
    access === "PRIVATE"
      ? "border-amber-300 bg-amber-50 text-amber-900"
      : "border-stone-300 bg-stone-50 text-stone-700";
  return (
    <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${tone}`}>
      {COMMUNITY_ACCESS_BADGES[access]}
    </span>
  );
}

/** One community in the directory: name, access, members, the start of its purpose. */
export function CommunityCard({
  community,
}: {
  community: {
    slug: string;
    name: string;
    purpose: string;
    access: CommunityAccess;
    memberCount: number;
  };
}) {
  return (
    <li className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="font-semibold break-words">
        <Link href={`/communities/${community.slug}`}>{community.name}</Link>
      </h3>
      <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
        <AccessBadge access={community.access} />
        <span>{membersPhrase(community.memberCount)}</span>
      </p>
      <p className="text-sm text-stone-700">{plainExcerpt(community.purpose, 160)}</p>
    </li>
  );
}
