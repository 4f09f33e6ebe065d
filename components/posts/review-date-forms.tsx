"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { markReviewedAction, publishPostAction } from "@/lib/posts/actions";

/** Publishing a draft, with an optional review date (six months when left empty). */
export function PublishForm({ postId, defaultReview }: { postId: string; defaultReview: string }) {
  const [state, formAction] = useActionState(publishPostAction, null);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={postId} />
      <TextField
        name="reviewBy"
        fieldId="publish-review-by"
        type="date"
        label="Review by (optional)"
        hint={`When should you check this post is still right? Leave empty for ${defaultReview}.`}
        state={state}
      />
      <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** The author confirms a post is still right; the next review date is optional. */
export function MarkReviewedForm({
  postId,
  postTitle,
  defaultReview,
  from,
}: {
  postId: string;
  postTitle: string;
  defaultReview: string;
  /** Where to come back to: the needs-review list or the post. */
  from: "list" | "post";
}) {
  const [state, formAction] = useActionState(markReviewedAction, null);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={postId} />
      <input type="hidden" name="from" value={from} />
      <TextField
        name="reviewBy"
        fieldId={`review-by-${postId}`}
        type="date"
        label="Next review by (optional)"
        hint={`Leave empty for ${defaultReview}.`}
        state={state}
      />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Mark as reviewed<span className="sr-only">: {postTitle}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
