"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { recordAttendanceAction } from "@/lib/sessions/actions";

/** The host's attendance sheet: one checkbox per member going. */
export function AttendanceForm({
  sessionId,
  people,
}: {
  sessionId: string;
  people: { id: string; name: string; attended: boolean }[];
}) {
  const [state, formAction] = useActionState(recordAttendanceAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">Who attended?</legend>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {people.map((person) => (
            <li key={person.id}>
              <label className="flex min-h-10 items-center gap-2">
                <input
                  type="checkbox"
                  name="attendedIds"
                  value={person.id}
                  defaultChecked={person.attended}
                  className="size-5"
                />
                {person.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save attendance
      </SubmitButton>
    </form>
  );
}
