import Link from "next/link";
import type { TagLink } from "@/lib/posts/queries";

/** A post's tags, each linking to its tag page. */
export function TagLinks({ tags, label = "Tags" }: { tags: TagLink[]; label?: string }) {
  if (!tags.length) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link
            href={`/tags/${encodeURIComponent(tag.slug)}`}
            className="inline-block rounded-md bg-stone-100 px-2 py-0.5 text-sm text-stone-800 no-underline hover:bg-stone-200 hover:underline"
          >
            #{tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
