"use client";
import { useActionState, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { EntityPicker, memberSuggestions } from "@/components/ui/entity-picker";
import { fieldErrors } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { passAskAction, suggestOtherAction } from "@/lib/asks/actions";

/** The asked member's choices: answer (the reply box), not me (private), or suggest someone. */
export function AskResponse({
  askId,
  answer = { href: "#reply-form", label: "Answer" },
}: {
  askId: string;
  answer?: { href: string; label: string };
}) {
  const [passState, pass] = useActionState(passAskAction, null);
  const [suggestState, suggest] = useActionState(suggestOtherAction, null);
  const [suggesting, setSuggesting] = useState(false);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <a href={answer.href} className={buttonClasses("primary")}>
          {answer.label}
        </a>
        <form action={pass}>
          <input type="hidden" name="askId" value={askId} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            Not me
          </SubmitButton>
        </form>
        <button
          type="button"
          className="min-h-11 text-sm underline sm:min-h-0"
          aria-expanded={suggesting}
          onClick={() => setSuggesting((open) => !open)}
        >
          Suggest someone else
        </button>
      </div>
      <p className="text-xs text-stone-600">Only you see if you pass.</p>
      <FormMessage state={passState} />
      {suggesting ? (
        <form action={suggest} className="max-w-md space-y-3" noValidate>
          <input type="hidden" name="askId" value={askId} />
          <EntityPicker
            name="memberId"
            label="Who could answer?"
            hint="One member. They are asked in your place."
            errors={fieldErrors(suggestState, "memberId")}
            max={1}
            placeholder="Type a member's name"
            {...memberSuggestions}
          />
          <SubmitButton pendingText="Asking…">Ask them</SubmitButton>
          <FormMessage state={suggestState} />
        </form>
      ) : null}
    </div>
  );
}
