import Link from "next/link";

/** The community a post or discussion was published in, as a small link to its page. */
export function CommunityLink({ community }: { community: { name: string; slug: string } | null }) {
  if (!community) return null;
  return (
    <p className="text-sm text-stone-700">
      In{" "}
      <Link
        href={`/communities/${community.slug}`}
        className="rounded-full border border-stone-300 px-2 py-0.5 font-medium"
      >
        {community.name}
      </Link>
    </p>
  );
}
