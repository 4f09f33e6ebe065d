import Link from "next/link";
import type { NotesPostLink as NotesPost } from "@/lib/sessions/after/queries";

/**
 * The knowledge post made from the notes: a link for everyone once published; for its
 * author, the draft to finish; for the other hosts, who is writing it.
 */
export function NotesPostLink({
  post,
  draftBy,
}: {
  post: NotesPost | null;
  draftBy: string | null;
}) {
  if (post?.status === "PUBLISHED") {
    return (
      <p>
        Read the notes as a knowledge post:{" "}
        <Link href={`/posts/${post.id}`} className="break-words">
          {post.title}
        </Link>
      </p>
    );
  }
  if (post?.mine) {
    return (
      <p>
        <Link href={`/posts/${post.id}/edit`}>
          Draft — finish and publish<span className="sr-only">: {post.title}</span>
        </Link>{" "}
        <span className="text-sm text-stone-600">(only you can see it until you publish it)</span>
      </p>
    );
  }
  if (draftBy) {
    return (
      <p className="text-stone-700">
        {draftBy} is writing a knowledge post from these notes; it shows here once published.
      </p>
    );
  }
  return null;
}
