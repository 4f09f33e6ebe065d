"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { LazyMarkdownEditor } from "@/components/editor/lazy-markdown-editor";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createReplyAction } from "@/lib/discussions/actions";
import { DISCUSSION_LIMITS } from "@/lib/discussions/limits";

/**
 * The thread's reply box. With `parent` (from a "Reply to this" link) the reply answers
 * that reply and starts with a quote of it. After posting, the page moves to the new reply.
 */
export function ReplyForm({
  discussionId,
  label,
  parent,
  cancelHref,
}: {
  discussionId: string;
  label: string;
  parent?: { id: string; authorName: string; quote: string };
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(createReplyAction, null);
  const router = useRouter();
  const posted = state?.ok ? state.data : undefined;

  useEffect(() => {
    if (posted) router.replace(posted.path);
  }, [posted, router]);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="discussionId" value={discussionId} />
      {parent ? (
        <>
          <input type="hidden" name="parentId" value={parent.id} />
          <p className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm">
            Replying to {parent.authorName}.{" "}
            <Link href={cancelHref} scroll={false}>
              Reply to the discussion instead
            </Link>
          </p>
        </>
      ) : null}
      <LazyMarkdownEditor
        key={posted?.id ?? parent?.id ?? "new"}
        name="body"
        draftKey={`reply:${discussionId}:${parent?.id ?? "thread"}`}
        label={label}
        state={state}
        defaultValue={posted ? "" : parent?.quote}
        maxLength={DISCUSSION_LIMITS.replyMax}
        fieldId="reply-body"
        rows={6}
        required
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Posting…">Post reply</SubmitButton>
    </form>
  );
}
