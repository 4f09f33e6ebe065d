"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createSurveyAction } from "@/lib/surveys/actions";
import { SURVEY_LIMITS as L } from "@/lib/surveys/limits";
import { formatNumber } from "@/lib/core/format";

export interface SurveyFormValues {
  title: string;
  intro: string;
  /** "YYYY-MM-DD" in the leader's time zone. */
  opensOn: string;
  closesOn: string;
  /** One per line. */
  statements: string;
  questions: string;
}

/** A new pulse survey, from scratch or filled from the template; then to its results page. */
export function SurveyForm({ initial, timeZone }: { initial: SurveyFormValues; timeZone: string }) {
  const router = useRouter();
  const [state, formAction] = useActionState(createSurveyAction, null);
  const createdId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (createdId) router.push(`/insights/surveys/${encodeURIComponent(createdId)}`);
  }, [createdId, router]);

  return (
    <form action={formAction} className="max-w-3xl space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="title"
        label="Title"
        hint={`${L.titleMin} to ${L.titleMax} characters. Members see it on their home page.`}
        defaultValue={initial.title}
        state={state}
        maxLength={L.titleMax}
        autoComplete="off"
        required
      />
      <TextAreaField
        name="intro"
        label="Introduction (optional)"
        hint={`Why you are asking and what you will do with the answers. At most ${formatNumber(L.introMax)} characters.`}
        defaultValue={initial.intro}
        state={state}
        maxLength={L.introMax}
        rows={3}
      />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">When members can answer</legend>
        <TextField
          name="opensOn"
          type="date"
          label="Opens on"
          hint={`From the start of this day in your time zone, ${timeZone}.`}
          defaultValue={initial.opensOn}
          state={state}
          required
        />
        <TextField
          name="closesOn"
          type="date"
          label="Closes on"
          hint={`Until the end of this day; at most ${L.maxOpenDays} days after it opens.`}
          defaultValue={initial.closesOn}
          state={state}
          required
        />
      </fieldset>
      <TextAreaField
        name="statements"
        label="Statements"
        hint={`One per line, up to ${L.statementsMax}. Members answer each from 1 (strongly disagree) to 5 (strongly agree). Write them in the first person, e.g. “I can share a mistake without fear of judgement”.`}
        defaultValue={initial.statements}
        state={state}
        rows={12}
        required
      />
      <TextAreaField
        name="questions"
        label="Free-text questions (optional)"
        hint={`One per line, up to ${L.questionsMax}. Answering them is optional; answers show only for groups with enough responses.`}
        defaultValue={initial.questions}
        state={state}
        rows={3}
      />
      <SubmitButton pendingText="Creating…">Create survey</SubmitButton>
    </form>
  );
}
