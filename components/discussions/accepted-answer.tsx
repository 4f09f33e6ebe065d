import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { Avatar } from "@/components/ui/avatar";
import type { AcceptedAnswer as Answer } from "@/lib/discussions/thread-queries";
import { mayRecognise } from "@/lib/recognition/access";
import type { Actor } from "@/lib/core/auth/authorize";
import { When } from "./when";

/** The question's accepted answer, highlighted under the question, linking into the thread. */
/** Where "Thank them" goes: the give form with the answerer and a link to the answer. */
function thankHref(answer: Answer, discussionId: string): string {
  const link = `/discussions/${discussionId}/replies/${answer.id}`;
  return `/recognition/new?to=${encodeURIComponent(answer.authorId!)}&link=${encodeURIComponent(link)}`;
}

export function AcceptedAnswer({
  answer,
  discussionId,
  viewer,
  timeZone,
}: {
  answer: Answer;
  discussionId: string;
  viewer: Pick<Actor, "id" | "role">;
  timeZone: string;
}) {
  const canThank = mayRecognise(viewer, { id: answer.authorId, active: answer.authorActive });
  return (
    <section
      aria-labelledby="accepted-answer-heading"
      className="space-y-3 rounded-lg border-2 border-green-600 bg-green-50 p-4"
    >
      <h2 id="accepted-answer-heading" className="text-lg font-semibold text-green-900">
        Accepted answer
      </h2>
      <p className="item-meta">
        <Avatar name={answer.authorName} avatarId={answer.authorAvatarId} size={24} />
        <span>
          By {answer.authorName}, <When date={answer.createdAt} timeZone={timeZone} />
        </span>
        <span>· {answer.voteScore === 1 ? "1 vote" : `${answer.voteScore} votes`}</span>
      </p>
      <Markdown source={answer.body} className="reading-width" />
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a href={answer.href}>
          See the answer in the thread
          <span className="sr-only"> (reply by {answer.authorName})</span>
        </a>
        {canThank ? (
          <Link href={thankHref(answer, discussionId)}>Thank {answer.authorName}</Link>
        ) : null}
      </p>
    </section>
  );
}
