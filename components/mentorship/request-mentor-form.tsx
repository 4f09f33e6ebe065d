"use client";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { requestMentorAction, withdrawMentorRequestAction } from "@/lib/mentorship/actions";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { formatNumber } from "@/lib/core/format";

/**
 * "Ask for a mentor": an optional note for the admins; the request joins their queue. The
 * page then shows the waiting request, with a notice that says so (the form is gone).
 */
export function RequestMentorForm({
  currentMentors = [],
  defaultNote,
}: {
  currentMentors?: string[];
  /** The note's starting text from a link (the skills gap's "Ask for mentoring"). */
  defaultNote?: string;
}) {
  const secondMentor = currentMentors.length > 0;
  const router = useRouter();
  const [state, formAction] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await requestMentorAction(prev, formData);
    if (result.ok) router.push("/mentorship?asked=1");
    return result;
  }, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <TextAreaField
        name="note"
        fieldId="mentor-request-note"
        label={secondMentor ? "A note for the admins" : "A note for the admins (optional)"}
        hint={
          secondMentor
            ? `You have a mentor already (${currentMentors.join(", ")}). Say what you would like from a second one; the admins see your current mentorship beside your request. Up to ${formatNumber(MENTORSHIP_LIMITS.requestNoteMax)} characters.`
            : `Anything that helps them choose, for example what you'd like help with or when you're free. Up to ${formatNumber(MENTORSHIP_LIMITS.requestNoteMax)} characters.`
        }
        required={secondMentor}
        rows={3}
        maxLength={MENTORSHIP_LIMITS.requestNoteMax}
        defaultValue={defaultNote || undefined}
        state={state}
      />
      <SubmitButton pendingText="Asking…">Ask for a mentor</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Takes back a waiting request for a mentor, after a confirm step; then says it is done. */
export function WithdrawRequestButton({ requestId }: { requestId: string }) {
  const router = useRouter();
  async function withdrawThenSay(prev: FormState, formData: FormData) {
    const result = await withdrawMentorRequestAction(prev, formData);
    if (result.ok) router.push("/mentorship?withdrawn=1");
    return result;
  }
  return (
    <ActionButtonForm
      action={withdrawThenSay}
      fields={{ id: requestId }}
      label="Withdraw"
      srSuffix=" your request for a mentor"
      pendingText="Withdrawing…"
      confirm={{
        question: "Withdraw your request for a mentor?",
        confirmLabel: "Withdraw request",
      }}
    />
  );
}
