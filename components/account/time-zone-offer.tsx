"use client";
import { useActionState, useState } from "react";
import { confirmTimeZoneAction } from "@/lib/account/actions/time-zone";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Show times in <browser zone>?", with Use and Keep; then the saved message. */
export default function TimeZoneOffer({
  profileZone,
  browser,
  onKeep,
}: {
  profileZone: string;
  browser: string;
  onKeep: () => void;
}) {
  const [kept, setKept] = useState(false);
  const [state, formAction] = useActionState(confirmTimeZoneAction, undefined);
  if (kept || state?.ok) return state?.ok ? <FormMessage state={state} /> : null;
  return (
    <section
      aria-labelledby="time-zone-prompt-heading"
      className="mb-4 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <h2 id="time-zone-prompt-heading" className="font-semibold">
        Show times in {browser}?
      </h2>
      <p className="mt-1">
        Your browser is set to {browser}; your profile says {profileZone}, so that is how session
        times and dates are shown.
      </p>
      <form action={formAction} className="mt-2 flex flex-wrap items-center gap-2">
        <input type="hidden" name="timeZone" value={browser} />
        <SubmitButton pendingText="Saving…">Use {browser}</SubmitButton>
        <button
          type="button"
          className="action-link"
          onClick={() => {
            onKeep();
            setKept(true);
          }}
        >
          Keep {profileZone}
        </button>
      </form>
      <FormMessage state={state} />
    </section>
  );
}
