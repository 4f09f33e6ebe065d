import Link from "next/link";
import { TabLinks } from "@/components/ui/tab-links";
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
      <TabLinks label="Post lists" links={POST_LISTS} current={current} />
      <Link href="/posts/new" className={buttonClasses("primary")}>
        Write a post
      </Link>
    </div>
  );
}
