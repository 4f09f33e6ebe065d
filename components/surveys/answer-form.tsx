"use client";
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { fieldErrors, previousValue, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { submitResponseAction } from "@/lib/surveys/actions";
import { SURVEY_LIMITS as L } from "@/lib/surveys/limits";
import { SCALE } from "@/lib/surveys/labels";
import { formatNumber } from "@/lib/core/format";

export interface AnswerQuestion {
  id: string;
  kind: "SCALE" | "TEXT";
  text: string;
}

/** One statement: a group of five radio buttons, with its error beside it. */
function ScaleQuestion({
  question,
  position,
  state,
}: {
  question: AnswerQuestion;
  position: number;
  state: FormState<unknown>;
}) {
  const name = `q-${question.id}`;
  const errors = fieldErrors(state, name);
  const chosen = previousValue(state, name);
  const errorId = `${name}-error`;
  return (
    <fieldset
      role="radiogroup"
      aria-required="true"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-describedby={errors?.length ? errorId : undefined}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend className="px-1 font-medium text-stone-900">
        <span className="sr-only">Statement {position}: </span>
        {question.text}
      </legend>
      <div className="grid gap-2 sm:grid-cols-5">
        {SCALE.map(({ score, label }) => {
          const id = `${name}-${score}`;
          return (
            <label
              key={score}
              htmlFor={id}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-600 sm:flex-col sm:items-start sm:gap-1"
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={String(score)}
                defaultChecked={chosen === String(score)}
                required
                className="accent-brand-700"
              />
              <span>
                <span className="font-semibold">{score}</span> {label}
              </span>
            </label>
          );
        })}
      </div>
      <p id={errorId} className="text-sm text-red-700" aria-live="polite">
        {errors?.length ? errors.join(" ") : null}
      </p>
    </fieldset>
  );
}

function Outcome({ tone, children }: { tone: "done" | "closed"; children: ReactNode }) {
  const colours =
    tone === "done"
      ? "border-green-300 bg-green-50 text-green-900"
      : "border-stone-300 bg-stone-50 text-stone-900";
  return (
    <div role="status" aria-live="polite" className={`space-y-2 rounded-lg border p-5 ${colours}`}>
      {children}
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}

/**
 * The answer form, or instead of it: a thank-you once sent, a note that the member already
 * answered, or why the survey takes no answers (`unavailable`). One component for all, so that
 * the thank-you stays when the page refreshes after answering.
 */
export function AnswerForm({
  surveyId,
  questions,
  answered,
  unavailable,
  openUntil,
}: {
  surveyId: string;
  questions: AnswerQuestion[];
  answered: boolean;
  unavailable: string | null;
  openUntil: string;
}) {
  const [state, formAction] = useActionState(submitResponseAction, null);
  if (state?.ok) {
    return (
      <Outcome tone="done">
        <p className="text-lg font-semibold">Thank you for answering.</p>
        <p>
          Your answers were sealed without your name. They join everyone else&apos;s, in no
          particular order, when the survey closes; results show only if enough people answered.
        </p>
      </Outcome>
    );
  }
  if (answered) {
    return (
      <Outcome tone="done">
        <p className="font-semibold">You have already answered this survey. Thank you!</p>
      </Outcome>
    );
  }
  if (unavailable) {
    return (
      <Outcome tone="closed">
        <p className="font-semibold">{unavailable}</p>
      </Outcome>
    );
  }
  const scales = questions.filter((q) => q.kind === "SCALE");
  const texts = questions.filter((q) => q.kind === "TEXT");
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="surveyId" value={surveyId} />
      <p className="text-sm text-stone-700">
        Open until {openUntil}. For each statement, choose from 1 (strongly disagree) to 5 (strongly
        agree).
      </p>
      {scales.map((question, index) => (
        <ScaleQuestion key={question.id} question={question} position={index + 1} state={state} />
      ))}
      {texts.length ? (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-semibold">In your own words (optional)</legend>
          {texts.map((question) => (
            <TextAreaField
              key={question.id}
              name={`q-${question.id}`}
              label={question.text}
              hint={`At most ${formatNumber(L.answerMax)} characters. Leave out anything that would show who you are.`}
              state={state}
              maxLength={L.answerMax}
              rows={4}
            />
          ))}
        </fieldset>
      ) : null}
      <SubmitButton pendingText="Sending…">Send my answers</SubmitButton>
    </form>
  );
}
