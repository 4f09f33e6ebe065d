// Words and small helpers shared by the member-facing mentoring pages.
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { dateTimeFormat } from "@/lib/core/date-format";
import { CADENCE_CHOICES } from "@/lib/mentorship/limits";

export { PAIRING_STATUS_LABELS as STATUS_LABELS } from "@/lib/mentorship/health";

/** "Every two weeks" for a cadence the forms offer, "Every 10 days" for any other. */
export function cadenceText(days: number): string {
  const choice = CADENCE_CHOICES.find((c) => c.days === days);
  if (choice) return choice.label;
  return days === 1 ? "Every day" : `Every ${days} days`;
}

/** Whether the pair can still write in the space (goals, check-ins, links). */
export function isOpenStatus(status: PairingStatus): boolean {
  return status === "ACTIVE" || status === "PAUSED";
}

/** Today's date in a time zone, as the value of an <input type="date"> ("2026-03-09"). */
export function todayInput(timeZone: string, now = new Date()): string {
  const parts = dateTimeFormat(
    "en-GB",
    { year: "numeric", month: "2-digit", day: "2-digit" },
    timeZone,
  ).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Free places of a mentor: "3 places free", "1 place free", "no places free". */
export function placesText(free: number): string {
  if (free <= 0) return "no places free";
  return free === 1 ? "1 place free" : `${free} places free`;
}
