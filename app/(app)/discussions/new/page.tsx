import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import type { SearchParams } from "@/lib/core/pagination/search-params";
import { DiscussionForm } from "@/components/discussions/discussion-form";

export const metadata: Metadata = { title: "Start a discussion" };

export default async function NewDiscussionPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requirePermission("create:discussion:any");
  const question = (await searchParams).kind === "question";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/discussions">Back to discussions</Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {question ? "Ask a question" : "Start a discussion"}
      </h1>
      <DiscussionForm kind={question ? "QUESTION" : "DISCUSSION"} />
    </div>
  );
}
