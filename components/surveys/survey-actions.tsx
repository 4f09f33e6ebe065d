"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { closeSurveyAction, runAgainAction } from "@/lib/surveys/actions";

/** "Close now": ends the survey before its closing date, after a confirm step. */
export function CloseSurveyButton({ surveyId }: { surveyId: string }) {
  return (
    <ActionButtonForm
      action={closeSurveyAction}
      fields={{ id: surveyId }}
      label="Close now"
      pendingText="Closing…"
      confirm={{
        question: "Close this survey now? Nobody will be able to answer it any more.",
        confirmLabel: "Close the survey",
      }}
    />
  );
}

/** "Run again": a next round with the same questions, then to its page. */
export function RunAgainForm({
  surveyId,
  opensOn,
  closesOn,
}: {
  surveyId: string;
  opensOn: string;
  closesOn: string;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(runAgainAction, null);
  const createdId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (createdId) router.push(`/insights/surveys/${encodeURIComponent(createdId)}`);
  }, [createdId, router]);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Run again">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={surveyId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="opensOn"
          type="date"
          label="Next round opens on"
          defaultValue={opensOn}
          state={state}
          fieldId="run-again-opens"
          required
        />
        <TextField
          name="closesOn"
          type="date"
          label="Next round closes on"
          defaultValue={closesOn}
          state={state}
          fieldId="run-again-closes"
          required
        />
      </div>
      <SubmitButton variant="secondary" pendingText="Starting…">
        Run again
      </SubmitButton>
    </form>
  );
}
