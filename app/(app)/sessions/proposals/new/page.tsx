import type { Metadata } from "next";
import Link from "next/link";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { requirePermission } from "@/lib/core/auth/session";
import type { SearchParams } from "@/lib/core/pagination/search-params";
import { proposalPrefill } from "@/lib/proposals/prefill";

export const metadata: Metadata = { title: "Propose a topic" };

export default async function ProposeTopicPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requirePermission("create:topic-proposal:any");
  const prefill = proposalPrefill(await searchParams);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/sessions/proposals">Back to topic proposals</Link>
        </p>
        <h1 className="text-2xl font-semibold">Propose a topic</h1>
        <p className="text-stone-700">
          Suggest a session you&apos;d like to attend, or to run. Members vote for the topics they
          want, and leaders schedule the popular ones.
        </p>
      </div>
      <ProposalForm prefill={prefill} />
    </div>
  );
}
