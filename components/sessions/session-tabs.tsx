import Link from "next/link";
import { TabLinks } from "@/components/ui/tab-links";
import { buttonClasses } from "@/components/ui/button";

export const SESSION_LISTS = [
  { href: "/sessions", label: "Upcoming" },
  { href: "/sessions/past", label: "Past sessions" },
  { href: "/sessions/mine", label: "My sessions" },
  { href: "/sessions/proposals", label: "Topic proposals" },
] as const;

export type SessionListHref = (typeof SESSION_LISTS)[number]["href"];

/** The links between the session lists, and "Schedule a session" for those who may. */
export function SessionTabs({
  current,
  canSchedule,
}: {
  current: SessionListHref;
  canSchedule: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <TabLinks label="Session lists" links={SESSION_LISTS} current={current} />
      {canSchedule ? (
        <Link href="/sessions/new" className={buttonClasses("primary")}>
          Schedule a session
        </Link>
      ) : null}
    </div>
  );
}
