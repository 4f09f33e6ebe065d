import type { Metadata } from "next";
import { When } from "@/components/discussions/when";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { Notice, noteFrom } from "@/components/posts/notice";
import { PrivacyNote } from "@/components/private-feedback/privacy-note";
import { buttonClasses } from "@/components/ui/button";
import { requirePermission } from "@/lib/core/auth/session";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { openPrivateFeedback } from "@/lib/private-feedback/queries";

// A fixed title: the note's words and names never reach the tab or the browser's history.
export const metadata: Metadata = { title: "Private feedback" };

/** One note, for its giver and its recipient only (a 404 for everyone else, admins too). */
export default async function PrivateFeedbackDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:private-feedback:own");
  const feedback = await openPrivateFeedback((await params).id, viewer);
  if (!feedback) notFound();
  const received = feedback.viewerIs === "recipient";
  const note = received
    ? undefined
    : noteFrom(firstValues(await searchParams), { sent: "Sent. Only the two of you can read it." });
  const other = received ? feedback.giver : feedback.recipient;

  return (
    <div className="max-w-3xl space-y-6">
      {note ? <Notice>{note}</Notice> : null}
      <article aria-labelledby="feedback-title" className="space-y-4">
        <header className="space-y-1">
          <h1 id="feedback-title" className="text-2xl font-semibold break-words">
            {received ? "Private feedback from " : "Private feedback to "}
            <Link href={`/members/${other.id}`}>{other.name}</Link>
          </h1>
          <p className="text-sm text-stone-700">
            <When date={feedback.createdAt} timeZone={viewer.timeZone} />
          </p>
        </header>
        <PrivacyNote who={`you and ${other.name}`} />
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <Markdown source={feedback.message} />
        </div>
      </article>
      <nav aria-label="Private feedback" className="flex flex-wrap gap-3">
        <Link
          href={received ? "/feedback" : "/feedback?tab=sent"}
          className={buttonClasses("secondary")}
        >
          Back to {received ? "received" : "sent"} feedback
        </Link>
        {received ? (
          <Link href={`/feedback/new?to=${other.id}`} className={buttonClasses("secondary")}>
            Send {other.name} private feedback
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
