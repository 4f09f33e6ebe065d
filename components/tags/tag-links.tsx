import Link from "next/link";
import { tagHref } from "./tag-href";

/** A piece of content's tags as small links to their tag pages. */
export function TagLinks({ tags }: { tags: { name: string; slug: string }[] }) {
  if (!tags.length) return null;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link
            href={tagHref(tag.slug)}
            className="inline-block rounded-full border border-stone-300 bg-stone-50 px-2.5 py-0.5 text-xs font-medium text-stone-800 no-underline hover:border-brand-600 hover:text-brand-800 hover:no-underline"
          >
            #{tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
