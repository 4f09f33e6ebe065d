import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/lib/core/auth/session";
import { feedPage } from "@/lib/feed/queries";
import { feedPageSchema } from "@/lib/feed/schemas";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { getTag } from "@/lib/tags/queries";
import { FeedList } from "@/components/feed/feed-item-card";
import { FollowTagButton } from "@/components/tags/follow-tag-button";
import { MuteTagButton } from "@/components/tags/mute-tag-button";
import { isTagMuted } from "@/lib/tags/mute";
import { tagHref } from "@/components/tags/tag-href";
import { PaginationNav } from "@/components/ui/pagination-nav";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

/** The slug from the URL: percent-encoded when it holds "#" or "+"; malformed → "" (404). */
function slugFrom(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

// Once per request, for both the title and the page.
const tagFor = cache(async (rawSlug: string, viewerId: string) =>
  getTag(slugFrom(rawSlug), viewerId),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const tag = await tagFor((await params).slug, user.id);
  return { title: tag ? `#${tag.name}` : "Tag not found" };
}

export default async function TagPage({ params, searchParams }: Props) {
  const user = await requirePermission("read:content:any");
  const tag = await tagFor((await params).slug, user.id);
  if (!tag) notFound();
  const { query, params: list } = await listQueryOrNotFound(searchParams, feedPageSchema);
  const page = await pageOrNotFound(feedPage({ viewer: user, tagId: tag.id, cursor: list.cursor }));
  const path = tagHref(tag.slug);
  const muted = await isTagMuted(user.id, tag.id);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <p className="text-sm">
            <Link href="/tags">All tags</Link>
          </p>
          <h1 className="text-2xl font-semibold break-all">#{tag.name}</h1>
          <p className="text-stone-700">
            Discussions and knowledge posts tagged {tag.name}, most recently active first.
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <FollowTagButton tagId={tag.id} tagName={tag.name} following={tag.following} />
          <MuteTagButton tagId={tag.id} tagName={tag.name} muted={muted} />
        </div>
      </div>
      <section aria-labelledby="tag-content-heading" className="space-y-3">
        <h2 id="tag-content-heading" className="text-lg font-semibold">
          Discussions and knowledge posts
        </h2>
        <FeedList
          items={page.items}
          timeZone={user.timeZone}
          label={`Tagged ${tag.name}`}
          empty={
            list.cursor ? (
              "Nothing more with this tag."
            ) : (
              <>
                Nothing is tagged {tag.name} right now.{" "}
                <Link href="/discussions">Start a discussion</Link> or{" "}
                <Link href="/posts">share a knowledge post</Link> with this tag.
              </>
            )
          }
        />
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!list.cursor}
          hrefFor={(cursor) => hrefWith(path, query, { cursor })}
          label="Pages of this tag"
        />
      </section>
    </div>
  );
}
