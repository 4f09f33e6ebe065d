"use client";
import { useActionState, useState, useSyncExternalStore } from "react";
import { confirmTimeZoneAction } from "@/lib/account/actions/time-zone";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

const KEPT_KEY = "lc:time-zone-kept";
const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnTheServer = () => "";
const keptPair = () => window.localStorage.getItem(KEPT_KEY) ?? "";
const nothingKeptOnTheServer = () => "";

/**
 * Offers the browser's time zone while the profile still has the UTC every account starts
 * with, and says so once it is saved. "Keep" is remembered in this browser for this pair of
 * zones.
 */
export function TimeZonePrompt({ profileZone }: { profileZone: string }) {
  const browser = useSyncExternalStore(never, browserZone, noZoneOnTheServer);
  const kept = useSyncExternalStore(never, keptPair, nothingKeptOnTheServer);
  const [keptNow, setKeptNow] = useState(false);
  const [state, formAction] = useActionState(confirmTimeZoneAction, undefined);
  const pair = `${profileZone}|${browser}`;
  // Every account starts in UTC until a zone is chosen (single sign-on, no JavaScript at
  // sign-up); a zone the member chose is not second-guessed.
  const differs = profileZone === "UTC" && browser !== "" && browser !== "UTC";
  const open = differs && !keptNow && kept !== pair && !state?.ok;

  if (!open) return state?.ok ? <FormMessage state={state} /> : null;
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
            window.localStorage.setItem(KEPT_KEY, pair);
            setKeptNow(true);
          }}
        >
          Keep {profileZone}
        </button>
      </form>
      <FormMessage state={state} />
    </section>
  );
}
