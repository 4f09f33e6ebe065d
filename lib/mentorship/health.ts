// A pairing's health: is it keeping to its check-in cadence? Active pairings are "on track"
// until their next check-in is due, "due" during the grace period after that, and "overdue"
// once the grace period has passed. The same rule is written in SQL in HEALTH_SQL for lists
// that filter and sort by it; health.test.ts checks that the two agree.
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { MENTORSHIP_LIMITS } from "./limits";

export type PairingHealth = "on-track" | "due" | "overdue" | "paused" | "closed";

export const HEALTH_LABELS: Record<PairingHealth, string> = {
  "on-track": "On track",
  due: "Check-in due",
  overdue: "Overdue",
  paused: "Paused",
  closed: "Closed",
};

export const PAIRING_STATUSES = [
  "ACTIVE",
  "PAUSED",
  "COMPLETED",
  "ENDED",
] as const satisfies readonly PairingStatus[];

export const PAIRING_STATUS_LABELS: Record<PairingStatus, string> = {
  ACTIVE: "Active",
  PAUSED: "Paused",
  COMPLETED: "Completed",
  ENDED: "Ended",
};

const DAY_MS = 86_400_000;

export interface HealthInput {
  status: PairingStatus;
  startsOn: Date;
  lastCheckInOn: Date | null;
  cadenceDays: number;
}

/** The UTC calendar day of an instant, as a Date at midnight UTC (how @db.Date values read). */
export function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** The day the next check-in is due: the last check-in (or the start) plus the cadence. */
export function nextCheckInDue(pairing: HealthInput): Date {
  const from = pairing.lastCheckInOn ?? pairing.startsOn;
  return new Date(utcDay(from).getTime() + pairing.cadenceDays * DAY_MS);
}

export function pairingHealth(pairing: HealthInput, now = new Date()): PairingHealth {
  if (pairing.status === "PAUSED") return "paused";
  if (pairing.status !== "ACTIVE") return "closed";
  const today = utcDay(now).getTime();
  const due = nextCheckInDue(pairing).getTime();
  if (today <= due) return "on-track";
  return today <= due + MENTORSHIP_LIMITS.graceDays * DAY_MS ? "due" : "overdue";
}

/**
 * The same rule in SQL, for a row of "MentorPairing" aliased `p`, with `today` a date
 * parameter. Interpolate with Prisma.raw (it holds no user input).
 */
export const HEALTH_SQL = `CASE
  WHEN p.status = 'PAUSED' THEN 'paused'
  WHEN p.status <> 'ACTIVE' THEN 'closed'
  WHEN $TODAY <= COALESCE(p."lastCheckInOn", p."startsOn") + p."cadenceDays" THEN 'on-track'
  WHEN $TODAY <= COALESCE(p."lastCheckInOn", p."startsOn") + p."cadenceDays" + ${MENTORSHIP_LIMITS.graceDays} THEN 'due'
  ELSE 'overdue'
END`;
