"use client";
import { useActionState, useRef, useState, type ChangeEvent } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { TagField } from "@/components/editor/tag-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CommunityField, type CommunityOption } from "@/components/posts/community-field";
import type { KnowledgePostType } from "@/lib/generated/prisma/enums";
import { createPostAction, updatePostAction } from "@/lib/posts/actions";
import { POST_LIMITS } from "@/lib/posts/limits";
import { isBlankOrTemplate, POST_TEMPLATES, POST_TYPE_LABELS, POST_TYPES } from "@/lib/posts/types";

export interface PostFormValues {
  id?: string;
  type?: KnowledgePostType;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  published: boolean;
  /** The community it is (or starts) in; null for everyone. */
  communityId?: string | null;
}

const TYPE_OPTIONS = [
  { value: "", label: "Choose a kind of post" },
  ...POST_TYPES.map((type) => ({ value: type, label: POST_TYPE_LABELS[type] })),
];

/**
 * The new-post and edit form. Choosing a kind of post while the text is still empty (or an
 * untouched template) starts the text with that kind's prompts; a lesson learned gets "What
 * happened / What we learned / What we'd do differently".
 */
export function PostForm({
  initial,
  reviewHint,
  communities = [],
}: {
  initial: PostFormValues;
  /** For a published post: the hint of the optional "Next review by" date. */
  reviewHint?: string;
  /** The communities the author may publish in (none: no community field). */
  communities?: CommunityOption[];
}) {
  const editing = Boolean(initial.id);
  const [state, formAction] = useActionState(editing ? updatePostAction : createPostAction, null);
  const form = useRef<HTMLFormElement>(null);
  // A chosen template replaces the text: a new key re-mounts the editor with it.
  const [body, setBody] = useState({ text: initial.body, version: 0 });

  function onTypeChange(event: ChangeEvent<HTMLSelectElement>) {
    const type = event.target.value as KnowledgePostType | "";
    const current = form.current?.elements.namedItem("body");
    const text = current instanceof HTMLTextAreaElement ? current.value : body.text;
    if (type && isBlankOrTemplate(text)) {
      setBody(({ version }) => ({ text: POST_TEMPLATES[type], version: version + 1 }));
    }
  }

  return (
    <form ref={form} action={formAction} className="max-w-3xl space-y-5" noValidate>
      <FormMessage state={state} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <SelectField
        name="type"
        label="Kind of post"
        hint="A lesson learned starts with three prompts that make sharing a mistake easy."
        options={TYPE_OPTIONS}
        defaultValue={initial.type ?? ""}
        state={state}
        onChange={onTypeChange}
        required
      />
      <TextField
        name="title"
        label="Title"
        hint={`${POST_LIMITS.titleMin} to ${POST_LIMITS.titleMax} characters.`}
        defaultValue={initial.title}
        state={state}
        maxLength={POST_LIMITS.titleMax}
        autoComplete="off"
        required
      />
      <TextAreaField
        name="summary"
        label="Summary"
        hint={`One or two sentences shown in lists and search, ${POST_LIMITS.summaryMin} to ${POST_LIMITS.summaryMax} characters.`}
        defaultValue={initial.summary}
        state={state}
        maxLength={POST_LIMITS.summaryMax}
        rows={3}
        required
      />
      <MarkdownEditor
        key={body.version}
        name="body"
        label="Your post"
        defaultValue={body.text}
        state={state}
        maxLength={POST_LIMITS.bodyMax}
        rows={16}
        required
      />
      <TagField state={state} defaultValue={initial.tags} />
      <CommunityField state={state} communities={communities} defaultValue={initial.communityId} />
      {editing && initial.published ? (
        <TextField
          name="reviewBy"
          type="date"
          label="Next review by (optional)"
          hint={reviewHint}
          state={state}
        />
      ) : null}
      <SubmitButton pendingText="Saving…">{editing ? "Save changes" : "Save draft"}</SubmitButton>
    </form>
  );
}
