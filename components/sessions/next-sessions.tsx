import Link from "next/link";
import type { NextSessions as NextSessionsData } from "@/lib/sessions/queries";
import { SessionCardList } from "./session-card";

/**
 * The home page's sessions: the member's own next ones (hosting, going, waiting), or else
 * what is coming up for everyone, so that the page always points to the next chance to learn.
 */
export function NextSessions({
  next: { mine, sessions },
  timeZone,
}: {
  next: NextSessionsData;
  timeZone: string;
}) {
  const heading = mine ? "Your next sessions" : "Coming up";
  return (
    <section aria-labelledby="next-sessions-heading" className="space-y-3">
      <h2 id="next-sessions-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <SessionCardList
        sessions={sessions}
        timeZone={timeZone}
        label={heading}
        empty={
          <>
            No sessions planned. <Link href="/sessions/proposals">Propose a topic</Link>.
          </>
        }
      />
      <p className="text-sm">
        <Link href="/sessions">All sessions</Link>
      </p>
    </section>
  );
}
