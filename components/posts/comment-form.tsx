"use client";
import { useActionState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { addCommentAction, editCommentAction } from "@/lib/posts/actions";
import { COMMENT_LIMITS } from "@/lib/posts/limits";

/** "Add a comment": emptied after it is posted, kept (with the error) when it is not. */
export function CommentForm({ postId }: { postId: string }) {
  const [state, formAction] = useActionState(addCommentAction, null);
  const posted = state?.ok ? state.data?.id : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="postId" value={postId} />
      <MarkdownEditor
        key={posted ?? "new"}
        name="body"
        fieldId="comment-new"
        draftKey={`comment:${postId}`}
        label="Add a comment"
        state={state}
        maxLength={COMMENT_LIMITS.bodyMax}
        rows={4}
        required
      />
      <SubmitButton pendingText="Posting…">Post comment</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Editing one's own comment, inside a disclosure under it. */
export function EditCommentForm({ commentId, body }: { commentId: string; body: string }) {
  const [state, formAction] = useActionState(editCommentAction, null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-stone-700 hover:text-stone-900">
        Edit<span className="sr-only"> your comment</span>
      </summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate>
        <input type="hidden" name="id" value={commentId} />
        <MarkdownEditor
          name="body"
          fieldId={`comment-edit-${commentId}`}
          label="Your comment"
          defaultValue={body}
          state={state}
          maxLength={COMMENT_LIMITS.bodyMax}
          rows={4}
          required
        />
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save comment
        </SubmitButton>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
