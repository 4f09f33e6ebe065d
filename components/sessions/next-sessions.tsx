import Link from "next/link";
import type { CurrentUser } from "@/lib/core/auth/session";
import { listMySessions, listUpcomingSessions } from "@/lib/sessions/queries";
import { SessionCardList } from "./session-card";

const HOME_LIMIT = 3;

/**
 * The home page's sessions: the member's own next ones (hosting, going, waiting), or else
 * what is coming up for everyone, so that the page always points to the next chance to learn.
 */
export async function NextSessions({ viewer }: { viewer: CurrentUser }) {
  const mine = await listMySessions(viewer, "upcoming", undefined, HOME_LIMIT);
  const sessions = mine.items.length
    ? mine.items
    : (await listUpcomingSessions(viewer, undefined, HOME_LIMIT)).items.filter(
        (session) => session.status !== "CANCELLED",
      );
  const heading = mine.items.length ? "Your next sessions" : "Coming up";
  return (
    <section aria-labelledby="next-sessions-heading" className="space-y-3">
      <h2 id="next-sessions-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <SessionCardList
        sessions={sessions}
        timeZone={viewer.timeZone}
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
