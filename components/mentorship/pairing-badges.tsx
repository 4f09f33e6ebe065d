import type { PairingStatus } from "@/lib/generated/prisma/enums";
import type { PairingHealth } from "@/lib/mentorship/health";
import { HealthBadge } from "./health-badge";
import { STATUS_LABELS } from "@/lib/mentorship/labels";

/**
 * How a pairing is doing, in one badge: its health while it runs ("On track", "Overdue",
 * "Paused"), its status once it has closed ("Completed", "Ended").
 */
export function PairingBadge({ status, health }: { status: PairingStatus; health: PairingHealth }) {
  if (health !== "closed") return <HealthBadge health={health} />;
  return (
    <span className="inline-flex items-center rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-800 ring-1 ring-stone-300">
      {STATUS_LABELS[status]}
    </span>
  );
}
