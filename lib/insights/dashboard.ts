// The community health dashboard: every section's figures for the chosen period
// and the one before it, and the first members not heard from. Each section is one SQL
// statement counting both periods, so the dashboard sends a fixed handful of statements
// whatever the size of the community (dashboard.test.ts). Members' activity comes from the
// roll-up (rollup.ts) where it can.
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { knowledge } from "./figures-knowledge";
import { memberFigures } from "./figures-members";
import { mentorship } from "./figures-mentorship";
import { recognitionGiven, recognitionOf } from "./figures-recognition";
import { sessions } from "./figures-sessions";
import type { HealthFigures } from "./measures";
import { periodLabel, type Period, type Periods } from "./period";
import { notHeardFrom, NOT_HEARD_PAGE_SIZE, type QuietPage } from "./quiet";
import { LIVE, LIVE_STATUS, rollupStatus, type ActivitySource, type RollupStatus } from "./rollup";
import type { SqlClient } from "./sql";

export const INSIGHTS_PERMISSION = "read:insights:any";

export interface PeriodInfo {
  current: Period;
  previous: Period;
  label: string;
  previousLabel: string;
}

export interface CommunityHealth extends HealthFigures {
  period: PeriodInfo;
  /** The first NOT_HEARD_PAGE_SIZE members not heard from, the total and the next page. */
  notHeardFrom: QuietPage;
  /** Where members' activity was read from (the page rebuilds a stale roll-up afterwards). */
  rollup: RollupStatus;
}

export function periodInfo(periods: Periods): PeriodInfo {
  return {
    current: periods.current,
    previous: periods.previous,
    label: periodLabel(periods.current),
    previousLabel: periodLabel(periods.previous),
  };
}

/**
 * Every section's figures as `client` sees them (no permission check: callers do it), with
 * members' activity read from `source` (the roll-up, or live).
 */
export async function healthFigures(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
  source: ActivitySource = LIVE,
): Promise<HealthFigures> {
  const [members, given, k, s, m] = await Promise.all([
    memberFigures(client, periods, now, source),
    recognitionGiven(client, periods),
    knowledge(client, periods),
    sessions(client, periods, now),
    mentorship(client, periods, now),
  ]);
  return {
    participation: members.participation,
    voices: members.voices,
    knowledge: k,
    sessions: s,
    recognition: recognitionOf(given, members.received),
    mentorship: m,
  };
}

/** The dashboard for leaders and admins. `periods` is parsePeriod()'s result (or any pair). */
export async function communityHealth(
  actor: Actor,
  periods: Periods,
  now = new Date(),
): Promise<CommunityHealth> {
  authorize(actor, INSIGHTS_PERMISSION);
  return communityHealthAsSeenBy(db, periods, now, await rollupStatus(db, now));
}

/**
 * communityHealth's result as `client` sees it (no permission check: callers do it). Without
 * a roll-up status, every event is read live.
 */
export async function communityHealthAsSeenBy(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
  rollup: RollupStatus = LIVE_STATUS,
): Promise<CommunityHealth> {
  const { source } = rollup;
  const [figures, quiet] = await Promise.all([
    healthFigures(client, periods, now, source),
    notHeardFrom(client, { now, limit: NOT_HEARD_PAGE_SIZE, source }),
  ]);
  return { period: periodInfo(periods), ...figures, notHeardFrom: quiet, rollup };
}

/** The "not heard from" list's later pages (leaders and admins). */
export async function notHeardFromPage(
  actor: Actor,
  cursor: string | null | undefined,
  now = new Date(),
): Promise<QuietPage> {
  authorize(actor, INSIGHTS_PERMISSION);
  const { source } = await rollupStatus(db, now);
  return notHeardFrom(db, { now, cursor, limit: NOT_HEARD_PAGE_SIZE, source });
}
