import type { Metadata } from "next";
import Link from "next/link";
import { PostForm } from "@/components/posts/post-form";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { communityChoicesFor } from "@/lib/communities/visibility";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import {
  POST_TEMPLATES,
  POST_TYPE_DESCRIPTIONS,
  POST_TYPE_LABELS,
  POST_TYPE_SLUGS,
  POST_TYPES,
  postTypeFromSlug,
} from "@/lib/posts/types";

export const metadata: Metadata = { title: "Write a post" };

/**
 * /posts/new?type=lesson-learned starts a lesson learned with its three prompts, without
 * needing JavaScript; with it, choosing the kind in the form does the same.
 */
export default async function NewPostPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:post:any");
  const query = firstValues(await searchParams);
  const type = postTypeFromSlug(query.type);
  const { communities, chosen } = await communityChoicesFor(db, viewer.id, query.community);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Write a post</h1>
        <p className="text-stone-700">
          Share what you know. Your post is saved as a draft that only you can see until you publish
          it.
        </p>
      </div>
      <nav
        aria-labelledby="kinds-heading"
        className="rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="kinds-heading" className="mb-2 text-base font-semibold">
          Start from a template
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {POST_TYPES.map((kind) => (
            <li key={kind} className="text-sm">
              <Link
                href={`/posts/new?type=${POST_TYPE_SLUGS[kind]}`}
                aria-current={kind === type ? "page" : undefined}
                className="font-medium"
              >
                {POST_TYPE_LABELS[kind]}
              </Link>
              <span className="text-stone-700">: {POST_TYPE_DESCRIPTIONS[kind]}</span>
            </li>
          ))}
        </ul>
      </nav>
      <PostForm
        key={type ?? "none"}
        initial={{
          type,
          title: "",
          summary: "",
          body: type ? POST_TEMPLATES[type] : "",
          tags: [],
          published: false,
          communityId: chosen,
        }}
        communities={communities}
      />
    </div>
  );
}
