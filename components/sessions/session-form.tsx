"use client";
import { useActionState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { EntityPicker, memberSuggestions, type PickedEntity } from "@/components/ui/entity-picker";
import { fieldErrors, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CommunityField, type CommunityOption } from "@/components/posts/community-field";
import type { SessionFormat } from "@/lib/generated/prisma/enums";
import { createSessionAction, updateSessionAction } from "@/lib/sessions/actions";
import { SESSION_FORMAT_LABELS, SESSION_FORMATS } from "@/lib/sessions/formats";
import { SESSION_LIMITS as L } from "@/lib/sessions/limits";

export interface SessionFormValues {
  id?: string;
  proposalId?: string;
  title: string;
  format?: SessionFormat;
  description: string;
  /** "YYYY-MM-DDTHH:mm" in the viewer's time zone. */
  startsAt: string;
  endsAt: string;
  location: string;
  meetingUrl: string;
  capacity: string;
  goals: string;
  scope: string;
  openQuestions: string;
  hosts: PickedEntity[];
  preReading: PickedEntity[];
  /** The community it is (or starts) in; null for everyone. */
  communityId?: string | null;
}

const FORMAT_OPTIONS = [
  { value: "", label: "Choose a format" },
  ...SESSION_FORMATS.map((format) => ({ value: format, label: SESSION_FORMAT_LABELS[format] })),
];

const postSuggestions = {
  suggestUrl: (typed: string) => `/api/posts?q=${encodeURIComponent(typed)}`,
  read: (body: unknown) =>
    (body as { posts: { id: string; title: string }[] }).posts.map((post) => ({
      id: post.id,
      label: post.title,
    })),
};

/** Scheduling a new session, or editing one; times are in the member's own time zone. */
export function SessionForm({
  initial,
  timeZone,
  communities = [],
}: {
  initial: SessionFormValues;
  timeZone: string;
  /** The communities the scheduler may put the session in (none: no community field). */
  communities?: CommunityOption[];
}) {
  const editing = Boolean(initial.id);
  const [state, formAction] = useActionState(
    editing ? updateSessionAction : createSessionAction,
    null,
  );
  const timeHint = `In your time zone, ${timeZone} (change it on your profile).`;

  return (
    <form action={formAction} className="max-w-3xl space-y-5" noValidate>
      <FormMessage state={state} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.proposalId ? (
        <input type="hidden" name="proposalId" value={initial.proposalId} />
      ) : null}
      <TextField
        name="title"
        label="Title"
        hint={`${L.titleMin} to ${L.titleMax} characters.`}
        defaultValue={initial.title}
        state={state}
        maxLength={L.titleMax}
        autoComplete="off"
        required
      />
      <SelectField
        name="format"
        label="Format"
        options={FORMAT_OPTIONS}
        defaultValue={initial.format ?? ""}
        state={state}
        required
      />
      <MarkdownEditor
        name="description"
        label="What it is about"
        defaultValue={initial.description}
        state={state}
        maxLength={L.descriptionMax}
        rows={6}
        required
      />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">When</legend>
        <TextField
          name="startsAt"
          type="datetime-local"
          label="Starts"
          hint={timeHint}
          defaultValue={initial.startsAt}
          state={state}
          required
        />
        <TextField
          name="endsAt"
          type="datetime-local"
          label="Ends"
          hint={`At most ${L.maxHours} hours after the start.`}
          defaultValue={initial.endsAt}
          state={state}
          required
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Where</legend>
        <TextField
          name="location"
          label="Place (optional)"
          hint="A room or an address."
          defaultValue={initial.location}
          state={state}
          maxLength={L.locationMax}
        />
        <TextField
          name="meetingUrl"
          type="url"
          label="Meeting link (optional)"
          hint="Starts with https://."
          defaultValue={initial.meetingUrl}
          state={state}
          maxLength={L.urlMax}
        />
      </fieldset>
      <TextField
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={L.capacityMax}
        label="Seats (optional)"
        hint="Leave empty for no limit. When the seats are taken, later RSVPs join a waitlist."
        defaultValue={initial.capacity}
        state={state}
      />
      <EntityPicker
        name="hostIds"
        label="Hosts"
        hint={`Any member can host; the first is the lead host. Up to ${L.maxHosts}. Type a name.`}
        errors={fieldErrors(state, "hostIds")}
        initial={initial.hosts}
        max={L.maxHosts}
        placeholder="Type a member's name"
        {...memberSuggestions}
      />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">Agenda (optional)</legend>
        <MarkdownEditor
          name="goals"
          label="Goals"
          hint="What attendees should leave with."
          defaultValue={initial.goals}
          state={state}
          maxLength={L.agendaFieldMax}
          rows={3}
          mentions={false}
        />
        <MarkdownEditor
          name="scope"
          label="Scope"
          hint="What is in, and what is not."
          defaultValue={initial.scope}
          state={state}
          maxLength={L.agendaFieldMax}
          rows={3}
          mentions={false}
        />
        <MarkdownEditor
          name="openQuestions"
          label="Open questions to discuss"
          hint="Questions for the group to talk through."
          defaultValue={initial.openQuestions}
          state={state}
          maxLength={L.agendaFieldMax}
          rows={3}
          mentions={false}
        />
        <EntityPicker
          name="preReadingIds"
          label="Pre-reading"
          hint={`Knowledge posts to read first, up to ${L.maxPreReading}. Type words from a title.`}
          errors={fieldErrors(state, "preReadingIds")}
          initial={initial.preReading}
          max={L.maxPreReading}
          placeholder="Type words from a post's title"
          {...postSuggestions}
        />
      </fieldset>
      <CommunityField state={state} communities={communities} defaultValue={initial.communityId} />
      <SubmitButton pendingText="Saving…">
        {editing ? "Save changes" : "Schedule session"}
      </SubmitButton>
    </form>
  );
}
