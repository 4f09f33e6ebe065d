"use client";
import { useActionState, useState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { TagField } from "@/components/editor/tag-field";
import { fieldErrors, previousValue, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SimilarQuestions } from "@/components/discussions/similar-questions";
import { CommunityField, type CommunityOption } from "@/components/posts/community-field";
import { createDiscussionAction, editDiscussionAction } from "@/lib/discussions/actions";
import { DISCUSSION_LIMITS as L } from "@/lib/discussions/limits";
import type { FormState } from "@/lib/core/forms/action-result";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";

const KIND_CHOICES: { value: DiscussionKind; label: string; hint: string }[] = [
  { value: "DISCUSSION", label: "Discussion", hint: "Share something or start a conversation." },
  {
    value: "QUESTION",
    label: "Question",
    hint: "Ask for help; you can accept the answer that solved it.",
  },
];

function KindChoice({ state, kind }: { state: FormState<unknown>; kind: DiscussionKind }) {
  const chosen = previousValue(state, "kind") ?? kind;
  const errors = fieldErrors(state, "kind");
  return (
    <fieldset
      key={chosen}
      aria-describedby={errors?.length ? "field-kind-error" : undefined}
      className="space-y-2"
    >
      <legend className="text-sm font-medium text-stone-800">What are you starting?</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        {KIND_CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2">
            <input
              type="radio"
              name="kind"
              value={choice.value}
              defaultChecked={chosen === choice.value}
              className="mt-1.5 size-4"
            />
            <span>
              <span className="block font-medium">{choice.label}</span>
              <span className="block text-sm text-stone-600">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
      <p id="field-kind-error" className="text-sm text-red-700" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}

interface Existing {
  id: string;
  title: string;
  body: string;
  tags: string[];
  communityId: string | null;
}

/**
 * Start a discussion or question (`existing` absent), or edit one's title, body, tags and
 * community. `communities` are those the author may post in (none: no community field);
 * `community` is the one chosen at first on a new discussion.
 */
export function DiscussionForm({
  kind = "DISCUSSION",
  existing,
  communities = [],
  community,
}: {
  kind?: DiscussionKind;
  existing?: Existing;
  communities?: CommunityOption[];
  community?: string | null;
}) {
  const [state, formAction] = useActionState(
    existing ? editDiscussionAction : createDiscussionAction,
    null,
  );
  const [typedTitle, setTypedTitle] = useState("");
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {existing ? (
        <input type="hidden" name="id" value={existing.id} />
      ) : (
        <KindChoice state={state} kind={kind} />
      )}
      <TextField
        name="title"
        label="Title"
        hint={`${L.titleMin} to ${L.titleMax} characters.`}
        state={state}
        defaultValue={existing?.title}
        maxLength={L.titleMax}
        required
        onChange={existing ? undefined : (event) => setTypedTitle(event.target.value)}
      />
      {existing ? null : <SimilarQuestions title={typedTitle} />}
      <MarkdownEditor
        name="body"
        label="Body"
        state={state}
        defaultValue={existing?.body}
        maxLength={L.bodyMax}
        rows={10}
        required
      />
      <TagField state={state} defaultValue={existing?.tags} />
      <CommunityField
        state={state}
        communities={communities}
        defaultValue={existing ? existing.communityId : community}
      />
      <FormMessage state={state} />
      <SubmitButton pendingText={existing ? "Saving…" : "Posting…"}>
        {existing ? "Save changes" : "Post"}
      </SubmitButton>
    </form>
  );
}
