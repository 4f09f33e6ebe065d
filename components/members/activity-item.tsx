import Link from "next/link";
import { formatDate } from "@/lib/core/date-format";
import type { ActivityItem, ActivityKind } from "@/lib/members/activity";

export const ACTIVITY_LABELS: Record<ActivityKind, { heading: string; one: string; many: string }> =
  {
    questions: { heading: "Questions", one: "question", many: "questions" },
    answers: { heading: "Answers", one: "answer", many: "answers" },
    posts: { heading: "Knowledge posts", one: "post", many: "posts" },
    sessions: { heading: "Sessions hosted", one: "session", many: "sessions" },
    recognition: { heading: "Recognition received", one: "recognition", many: "recognitions" },
  };

const FLAG_LABELS: Record<NonNullable<ActivityItem["flag"]>, { text: string; tone: string }> = {
  answered: { text: "Answered", tone: "bg-green-100 text-green-900" },
  accepted: { text: "Accepted answer", tone: "bg-green-100 text-green-900" },
  draft: { text: "Draft", tone: "bg-amber-100 text-amber-900" },
  cancelled: { text: "Cancelled", tone: "bg-stone-200 text-stone-800" },
};

function hrefOf(item: ActivityItem): string {
  switch (item.kind) {
    case "questions":
      return `/discussions/${item.id}`;
    case "answers":
      return `/discussions/${item.discussionId}/replies/${item.id}`;
    case "posts":
      return `/posts/${item.id}`;
    case "sessions":
      return `/sessions/${item.id}`;
    case "recognition":
      return `/recognition/${item.id}`;
  }
}

/** One line of a member's activity: the link, a marker (accepted, draft…), the date. */
export function ActivityItemRow({ item, timeZone }: { item: ActivityItem; timeZone: string }) {
  const flag = item.flag ? FLAG_LABELS[item.flag] : null;
  return (
    <li className="text-sm">
      <Link href={hrefOf(item)} className="break-words">
        {item.kind === "answers" ? `Answer to “${item.title}”` : item.title}
      </Link>
      <span className="ml-1.5 inline-flex flex-wrap items-baseline gap-1.5 text-stone-600">
        {flag ? (
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${flag.tone}`}>
            {flag.text}
          </span>
        ) : null}
        {item.byName ? <span>from {item.byName}</span> : null}
        <time dateTime={item.at.toISOString()}>{formatDate(item.at, timeZone)}</time>
      </span>
    </li>
  );
}
