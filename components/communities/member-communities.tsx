import Link from "next/link";
import { AccessBadge } from "./community-card";
import type { CommunityAccess, CommunityRole } from "@/lib/generated/prisma/enums";

/** The communities a member belongs to, as far as the viewer may see them (their profile). */
export function MemberCommunities({
  communities,
}: {
  communities: { slug: string; name: string; access: CommunityAccess; role: CommunityRole }[];
}) {
  return (
    <section
      aria-labelledby="communities-heading"
      className="rounded-lg border border-stone-200 bg-white p-5"
    >
      <h2 id="communities-heading" className="mb-3 text-lg font-semibold">
        Communities
      </h2>
      {communities.length ? (
        <ul className="flex flex-wrap gap-2">
          {communities.map((community) => (
            <li
              key={community.slug}
              className="flex items-center gap-2 rounded-md border border-stone-200 px-2 py-1 text-sm"
            >
              <Link href={`/communities/${community.slug}`}>{community.name}</Link>
              {community.role === "LEAD" ? <span className="text-stone-600">Lead</span> : null}
              {community.access === "PRIVATE" ? <AccessBadge access="PRIVATE" /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">Not in any community yet.</p>
      )}
    </section>
  );
}
