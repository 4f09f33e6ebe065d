import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export const POST_LISTS = [
  { href: "/posts", label: "All posts" },
  { href: "/posts/mine", label: "My posts" },
  { href: "/posts/bookmarks", label: "Reading list" },
  { href: "/posts/review", label: "Needs review" },
] as const;

export type PostListHref = (typeof POST_LISTS)[number]["href"];

/** The links between the post lists, and "Write a post". */
export function PostTabs({ current }: { current: PostListHref }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav aria-label="Post lists">
        <ul className="flex flex-wrap gap-1">
          {POST_LISTS.map((list) => (
            <li key={list.href}>
              <Link
                href={list.href}
                aria-current={list.href === current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline ${
                  list.href === current
                    ? "bg-brand-50 text-brand-800 ring-1 ring-brand-600"
                    : "text-stone-700"
                }`}
              >
                {list.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Link href="/posts/new" className={buttonClasses("primary")}>
        Write a post
      </Link>
    </div>
  );
}
