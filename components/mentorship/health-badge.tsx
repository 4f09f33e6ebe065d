import { HEALTH_LABELS, type PairingHealth } from "@/lib/mentorship/health";

const HEALTH_CLASSES: Record<PairingHealth, string> = {
  "on-track": "bg-emerald-50 text-emerald-900 ring-emerald-200",
  due: "bg-amber-50 text-amber-900 ring-amber-200",
  overdue: "bg-red-50 text-red-900 ring-red-200",
  paused: "bg-stone-100 text-stone-800 ring-stone-300",
  closed: "bg-stone-100 text-stone-700 ring-stone-200",
};

/** A pairing's health as a label (text, never colour alone). */
export function HealthBadge({ health }: { health: PairingHealth }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${HEALTH_CLASSES[health]}`}
    >
      {HEALTH_LABELS[health]}
    </span>
  );
}
