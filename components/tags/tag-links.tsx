import Link from "next/link";
import { tagHref } from "./tag-href";

/** A piece of content's tags as small links to their tag pages. */
export function TagLinks({ tags }: { tags: { name: string; slug: string }[] }) {
  if (!tags.length) return null;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link href={tagHref(tag.slug)} className="tag-chip">
            #{tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
