import Link from "next/link";
import { TabLinks } from "@/components/ui/tab-links";
import { buttonClasses } from "@/components/ui/button";
import type { ProposalTab } from "@/lib/proposals/schemas";

export const PROPOSAL_TAB_LINKS: { tab: ProposalTab; href: string; label: string }[] = [
  { tab: "open", href: "/sessions/proposals", label: "Open" },
  { tab: "scheduled", href: "/sessions/proposals?status=scheduled", label: "Scheduled" },
  { tab: "declined", href: "/sessions/proposals?status=declined", label: "Declined" },
];

/** The links between the proposal lists, and "Propose a topic". */
export function ProposalTabs({ current }: { current: ProposalTab }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <TabLinks
        label="Proposal lists"
        links={PROPOSAL_TAB_LINKS}
        current={PROPOSAL_TAB_LINKS.find((link) => link.tab === current)?.href ?? ""}
      />
      <Link href="/sessions/proposals/new" className={buttonClasses("primary")}>
        Propose a topic
      </Link>
    </div>
  );
}
