import { Markdown } from "@/components/markdown";
import type { AcceptedAnswer as Answer } from "@/lib/discussions/queries";
import { When } from "./when";

/** The question's accepted answer, highlighted under the question, linking into the thread. */
export function AcceptedAnswer({ answer, timeZone }: { answer: Answer; timeZone: string }) {
  return (
    <section
      aria-labelledby="accepted-answer-heading"
      className="space-y-3 rounded-lg border-2 border-green-600 bg-green-50 p-4"
    >
      <h2 id="accepted-answer-heading" className="text-lg font-semibold text-green-900">
        Accepted answer
      </h2>
      <p className="text-sm text-stone-700">
        By {answer.authorName}, <When date={answer.createdAt} timeZone={timeZone} />
      </p>
      <Markdown source={answer.body} />
      <p>
        <a href={answer.href}>
          See the answer in the thread
          <span className="sr-only"> (reply by {answer.authorName})</span>
        </a>
      </p>
    </section>
  );
}
