"use client";
import { useActionState } from "react";
import { fieldErrors } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { routeRequestAction } from "@/lib/asks/actions";
import { fulfilRequestAction, voteOnRequestAction } from "@/lib/knowledge-requests/actions";

export function VoteButton({ requestId, voted }: { requestId: string; voted: boolean }) {
  const [state, formAction] = useActionState(voteOnRequestAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="vote" value={voted ? "off" : "on"} />
      <SubmitButton variant="secondary" pendingText="Saving…" aria-pressed={voted}>
        {voted ? "Take back my vote" : "I need this too"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RouteRequestButton({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(routeRequestAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="secondary" pendingText="Finding…">
        Ask colleagues who could write it
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function FulfilForm({
  requestId,
  posts,
}: {
  requestId: string;
  posts: { id: string; title: string }[];
}) {
  const [state, formAction] = useActionState(fulfilRequestAction, null);
  const errors = fieldErrors(state, "postId");
  return (
    <form action={formAction} className="max-w-xl space-y-3" noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      <label htmlFor="fulfil-post" className="block font-medium">
        Fulfil it with one of your published posts
      </label>
      <select
        id="fulfil-post"
        name="postId"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "fulfil-post-error" : undefined}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2"
      >
        {posts.map((post) => (
          <option key={post.id} value={post.id}>
            {post.title}
          </option>
        ))}
      </select>
      {errors ? (
        <p id="fulfil-post-error" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <SubmitButton pendingText="Saving…">Fulfil the request</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
