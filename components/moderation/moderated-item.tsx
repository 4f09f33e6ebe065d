import Link from "next/link";
import { TARGET_LABELS } from "@/lib/moderation/labels";
import type { ModeratedItemSummary } from "@/lib/moderation/queries";

function Badge({ tone = "plain", children }: { tone?: "plain" | "warn"; children: string }) {
  const colours = tone === "warn" ? "bg-red-50 text-red-800" : "bg-stone-100 text-stone-800";
  return <span className={`rounded px-2 py-0.5 ${colours}`}>{children}</span>;
}

/**
 * One moderated item in an admin list: its kind, state, title (linking to where it is
 * shown), author and a plain-text excerpt. `children` holds the list's own details/actions.
 */
export function ModeratedItem({
  item,
  headingId,
  details,
  children,
}: {
  item: ModeratedItemSummary;
  headingId: string;
  details: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <li aria-labelledby={headingId} className="min-w-0 space-y-3 p-4">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge>{TARGET_LABELS[item.targetType]}</Badge>
        {item.hiddenAt ? <Badge tone="warn">Hidden</Badge> : null}
        {item.deletedAt ? <Badge>Deleted by its author</Badge> : null}
        <span className="text-stone-600">{details}</span>
      </p>
      <h2 id={headingId} className="font-semibold break-words">
        {item.path ? <Link href={item.path}>{item.heading}</Link> : item.heading}
      </h2>
      {item.author ? (
        <p className="text-sm text-stone-700">
          By <Link href={`/members/${item.author.id}`}>{item.author.name}</Link>
        </p>
      ) : null}
      {item.excerpt ? (
        <p className="border-l-4 border-stone-200 pl-3 text-stone-800 break-words">
          {item.excerpt}
        </p>
      ) : null}
      {children}
    </li>
  );
}
