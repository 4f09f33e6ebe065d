// Words about a session that its card, its page and the RSVP panel show. Pure (no database),
// so client components can import it.
import type { RsvpStatus } from "@/lib/generated/prisma/enums";
import type { SessionSummary } from "./queries";

/** "12 of 20 seats taken", "Full", or "5 going" for a session without a limit. */
export function seatsText(session: Pick<SessionSummary, "capacity" | "goingCount">): string {
  if (session.capacity === null) return `${session.goingCount} going`;
  if (session.goingCount >= session.capacity) return `Full (${session.capacity} seats)`;
  return `${session.goingCount} of ${session.capacity} seats taken`;
}

/** The viewer's own answer, as the RSVP panel says it. */
export const RSVP_STATUS_TEXT: Record<RsvpStatus, string> = {
  GOING: "You're going.",
  WAITLISTED: "You're on the waitlist.",
  NOT_GOING: "You said you're not going.",
};
