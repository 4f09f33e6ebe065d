"use client";
import { useActionState } from "react";
import { updateTagFollowAction } from "@/lib/tags/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Follow or unfollow one tag; the page re-renders with the new state after a save. */
export function FollowTagButton({
  tagId,
  tagName,
  following,
}: {
  tagId: string;
  tagName: string;
  following: boolean;
}) {
  const [state, formAction] = useActionState(updateTagFollowAction, null);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="tagId" value={tagId} />
        <input type="hidden" name="follow" value={following ? "false" : "true"} />
        <SubmitButton
          variant={following ? "secondary" : "primary"}
          pendingText={following ? "Unfollowing…" : "Following…"}
        >
          {following ? `Unfollow ${tagName}` : `Follow ${tagName}`}
        </SubmitButton>
      </form>
      <FormMessage state={state} />
    </div>
  );
}
