import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { communityChoicesFor } from "@/lib/communities/visibility";
import { DiscussionForm } from "@/components/discussions/discussion-form";

export const metadata: Metadata = { title: "Start a discussion" };

export default async function NewDiscussionPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:discussion:any");
  const query = firstValues(await searchParams);
  const question = query.kind === "question";
  const { communities, chosen } = await communityChoicesFor(db, viewer.id, query.community);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/discussions">Back to discussions</Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {question ? "Ask a question" : "Start a discussion"}
      </h1>
      <DiscussionForm
        kind={question ? "QUESTION" : "DISCUSSION"}
        communities={communities}
        community={chosen}
      />
    </div>
  );
}
