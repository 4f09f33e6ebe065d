"use client";
import { useActionState, useId } from "react";
import { fieldErrors, previousValue, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { rateSessionAction } from "@/lib/sessions/after/actions";
import { ANONYMOUS_FEEDBACK_BATCH, NOTES_LIMITS } from "@/lib/sessions/limits";
import { formatNumber } from "@/lib/core/format";

const RATINGS = [
  { value: "1", label: "1 – Poor" },
  { value: "2", label: "2 – Fair" },
  { value: "3", label: "3 – Good" },
  { value: "4", label: "4 – Very good" },
  { value: "5", label: "5 – Excellent" },
];

/**
 * An attendee's rating: 1 to 5, an optional comment, and whether to leave their name off.
 * Once rated, a thank-you replaces the form in the same live region, so it is announced.
 */
export function RatingForm({ sessionId, rated }: { sessionId: string; rated: boolean }) {
  const [state, formAction] = useActionState(rateSessionAction, null);
  const ids = useId();
  const ratingErrors = fieldErrors(state, "rating");
  const chosen = previousValue(state, "rating");
  const anonymous = previousValue(state, "anonymous") === "on";
  const done = rated || state?.ok;
  return (
    <div className="space-y-2">
      <div role="status" aria-live="polite">
        {done ? <p>{state?.ok ? state.message : "You rated this session. Thank you."}</p> : null}
      </div>
      {done ? null : (
        <form action={formAction} className="max-w-xl space-y-4" noValidate>
          <FormMessage state={state} />
          <input type="hidden" name="sessionId" value={sessionId} />
          <fieldset
            // Re-mount with what was chosen when the form comes back with errors.
            key={chosen ?? ""}
            className="space-y-2"
            aria-describedby={ratingErrors ? `${ids}-rating-error` : undefined}
            aria-invalid={Boolean(ratingErrors)}
          >
            <legend className="text-sm font-medium text-stone-800">How was this session?</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {RATINGS.map((rating) => (
                <label key={rating.value} className="flex min-h-10 items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="rating"
                    value={rating.value}
                    defaultChecked={chosen === rating.value}
                    required
                    className="h-5 w-5 accent-brand-700"
                  />
                  {rating.label}
                </label>
              ))}
            </div>
            <p id={`${ids}-rating-error`} className="text-sm text-red-700" aria-live="polite">
              {ratingErrors?.join(" ")}
            </p>
          </fieldset>
          <TextAreaField
            name="comment"
            fieldId={`${ids}-comment`}
            label="Comment (optional)"
            hint={`What worked, what could be better. Up to ${formatNumber(NOTES_LIMITS.feedbackCommentMax)} characters.`}
            rows={3}
            maxLength={NOTES_LIMITS.feedbackCommentMax}
            state={state}
          />
          <div className="space-y-1">
            <div className="flex min-h-10 items-center gap-2">
              <input
                key={String(anonymous)}
                id={`${ids}-anonymous`}
                type="checkbox"
                name="anonymous"
                defaultChecked={anonymous}
                aria-describedby={`${ids}-anonymous-hint`}
                className="h-5 w-5 accent-brand-700"
              />
              <label htmlFor={`${ids}-anonymous`} className="text-sm font-medium text-stone-800">
                Leave my name off
              </label>
            </div>
            <p id={`${ids}-anonymous-hint`} className="text-sm text-stone-600">
              The hosts see your rating and comment but never who gave them: anonymous ratings
              appear in groups of {ANONYMOUS_FEEDBACK_BATCH}. You can still rate only once.
            </p>
          </div>
          <SubmitButton pendingText="Sending…">Send rating</SubmitButton>
        </form>
      )}
    </div>
  );
}
