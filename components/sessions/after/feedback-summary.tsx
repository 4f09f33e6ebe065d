import { plural } from "@/lib/core/format";
import { formatCalendarDate, toDateInput } from "@/lib/core/dates";
import type { FeedbackComment, FeedbackSummary } from "@/lib/sessions/after/queries";
import { ANONYMOUS_FEEDBACK_BATCH } from "@/lib/sessions/limits";

/** "Average 4.2 out of 5 from 12 ratings", and for hosts how many gave each rating. */
export function FeedbackSummaryView({
  feedback,
  withDistribution,
}: {
  feedback: FeedbackSummary;
  withDistribution: boolean;
}) {
  const waiting = feedback.waitingAnonymous ? (
    <p className="text-sm text-stone-600">
      {plural(feedback.waitingAnonymous, "anonymous rating is", "anonymous ratings are")} waiting:
      anonymous ratings appear in groups of {ANONYMOUS_FEEDBACK_BATCH}, so that no one can tell who
      gave which.
    </p>
  ) : null;
  if (!feedback.count)
    return (
      <div className="space-y-2">
        <p className="text-stone-700">No ratings yet.</p>
        {waiting}
      </div>
    );
  return (
    <div className="space-y-3">
      {waiting}
      <p>
        Average rating <strong>{feedback.average?.toFixed(1)}</strong> out of 5, from{" "}
        {plural(feedback.count, "rating", "ratings")}.
      </p>
      {withDistribution ? (
        <ul aria-label="Ratings given" className="max-w-sm space-y-1 text-sm">
          {[5, 4, 3, 2, 1].map((rating) => {
            const count = feedback.distribution[rating - 1] ?? 0;
            return (
              <li key={rating} className="flex items-center gap-2">
                <span className="w-16 shrink-0">{rating} out of 5</span>
                <span aria-hidden="true" className="h-2 flex-1 rounded bg-stone-200">
                  <span
                    className="block h-2 rounded bg-brand-700"
                    style={{ width: `${(count / feedback.count) * 100}%` }}
                  />
                </span>
                <span className="w-20 shrink-0 text-right">
                  {plural(count, "person", "people")}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** Feedback comments: "Anonymous" for those who left their name off. */
export function FeedbackCommentList({ comments }: { comments: FeedbackComment[] }) {
  if (!comments.length) return <p className="text-stone-700">No comments yet.</p>;
  return (
    <ul className="space-y-3">
      {comments.map((comment) => (
        <li key={comment.id} className="rounded-md border border-stone-200 bg-white p-3">
          <p className="text-sm text-stone-700">
            {comment.rating} out of 5 · {comment.from} ·{" "}
            <time dateTime={toDateInput(comment.createdOn)}>
              {formatCalendarDate(comment.createdOn)}
            </time>
          </p>
          <p className="mt-1 whitespace-pre-line break-words">{comment.comment}</p>
        </li>
      ))}
    </ul>
  );
}
