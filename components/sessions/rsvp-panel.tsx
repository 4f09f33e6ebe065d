"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RsvpStatus } from "@/lib/generated/prisma/enums";
import { checkInAction, respondAction } from "@/lib/sessions/actions";
import { RSVP_STATUS_TEXT } from "@/lib/sessions/labels";

/**
 * Going / not going for the viewer, with their current answer and waitlist place; check-in
 * while the session runs. `closedReason` replaces the buttons when RSVPs are closed.
 */
export function RsvpPanel({
  sessionId,
  status,
  waitlistPosition,
  full,
  closedReason,
  canCheckIn,
  checkedIn,
}: {
  sessionId: string;
  status: RsvpStatus | null;
  waitlistPosition: number;
  full: boolean;
  closedReason: string | null;
  canCheckIn: boolean;
  checkedIn: boolean;
}) {
  const [state, respond] = useActionState(respondAction, null);
  const [checkInState, checkIn] = useActionState(checkInAction, null);
  const attending = status === "GOING" || status === "WAITLISTED";
  return (
    <section
      aria-labelledby="rsvp-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="rsvp-heading" className="text-lg font-semibold">
        Are you going?
      </h2>
      <p className="text-sm text-stone-700">
        {status ? RSVP_STATUS_TEXT[status] : "You haven't answered yet."}
        {status === "WAITLISTED" && waitlistPosition
          ? ` You're number ${waitlistPosition}; you'll be told if a seat opens up.`
          : null}
      </p>
      <FormMessage state={state} />
      {closedReason ? (
        <p className="text-sm text-stone-700">{closedReason}</p>
      ) : (
        <form action={respond} className="flex flex-wrap gap-2">
          <input type="hidden" name="sessionId" value={sessionId} />
          {attending ? (
            <SubmitButton
              name="response"
              value="not_going"
              variant="secondary"
              pendingText="Saving…"
            >
              {status === "WAITLISTED" ? "Leave the waitlist" : "I can't go after all"}
            </SubmitButton>
          ) : (
            <SubmitButton name="response" value="going" pendingText="Saving…">
              {full ? "Join the waitlist" : "I'm going"}
            </SubmitButton>
          )}
          {!status ? (
            <SubmitButton
              name="response"
              value="not_going"
              variant="secondary"
              pendingText="Saving…"
            >
              Not going
            </SubmitButton>
          ) : null}
        </form>
      )}
      {canCheckIn ? (
        checkedIn ? (
          <p className="text-sm font-medium text-green-800">You&apos;re checked in.</p>
        ) : (
          <form action={checkIn}>
            <input type="hidden" name="sessionId" value={sessionId} />
            <FormMessage state={checkInState} />
            <SubmitButton pendingText="Checking in…">Check in</SubmitButton>
          </form>
        )
      ) : null}
    </section>
  );
}
