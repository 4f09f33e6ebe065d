"use client";
import { useActionState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { fieldErrors, previousValue, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { proposeTopicAction } from "@/lib/proposals/actions";
import { PROPOSAL_LIMITS as L } from "@/lib/proposals/limits";
import { formatNumber } from "@/lib/core/format";
import type { ProposalPrefill } from "@/lib/proposals/prefill";

/**
 * The "Propose a topic" form; after saving, the page moves to the open proposals. `prefill`:
 * starting text from a link (the skills gap), which the member may change before proposing.
 */
export function ProposalForm({ prefill = {} }: { prefill?: ProposalPrefill }) {
  const [state, formAction] = useActionState(proposeTopicAction, null);
  const hostErrors = fieldErrors(state, "willHost");
  // After a failed submission, the box shows what the member had ticked.
  const hostTicked = state && !state.ok ? previousValue(state, "willHost") === "on" : false;
  return (
    <form action={formAction} className="max-w-3xl space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="title"
        label="Topic"
        hint={`What the session would be about, ${L.titleMin} to ${L.titleMax} characters.`}
        state={state}
        maxLength={L.titleMax}
        defaultValue={prefill.title}
        autoComplete="off"
        required
      />
      <MarkdownEditor
        name="why"
        attachments={false}
        label="Why it matters"
        hint={`What members would learn and why now, ${L.whyMin} to ${formatNumber(L.whyMax)} characters. Markdown works.`}
        state={state}
        maxLength={L.whyMax}
        defaultValue={prefill.why}
        mentions={false}
        rows={6}
        required
      />
      <div className="flex items-start gap-3">
        <input
          key={String(hostTicked)}
          id="field-willHost"
          type="checkbox"
          name="willHost"
          defaultChecked={hostTicked}
          aria-describedby="field-willHost-hint field-willHost-error"
          aria-invalid={Boolean(hostErrors?.length)}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <div>
          <label htmlFor="field-willHost" className="font-medium text-stone-900">
            I would host this session
          </label>
          <p id="field-willHost-hint" className="text-sm text-stone-600">
            Leaders see a &ldquo;Would host&rdquo; badge and can make you its host.
          </p>
          <p id="field-willHost-error" className="text-sm text-red-700" aria-live="polite">
            {hostErrors?.join(" ")}
          </p>
        </div>
      </div>
      <SubmitButton pendingText="Proposing…">Propose topic</SubmitButton>
    </form>
  );
}
