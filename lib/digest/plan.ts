// The hourly planner: finds the members whose digest is due (08:00 hour in their zone; weekly
// ones on their Monday), marks each digest planned with a ScheduledMailKey and enqueues the
// jobs that send them, in the same transaction. A key that already exists (another worker,
// or the planner running twice in the hour) inserts nothing and so enqueues nothing: one
// digest per member and period.
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { DEFAULT_EMAIL } from "@/lib/notifications/preferences";
import {
  digestKey,
  dueFrequencies,
  isDigestFrequency,
  localClock,
  type DigestFrequency,
  type LocalClock,
} from "./period";
import { MEMBERS_PER_JOB, sendDigestsQueue } from "./queues";

export interface PlanOptions {
  /** The planning moment (tests and the benchmark pass one; the schedule uses the clock). */
  now?: Date;
  /** Plan only these members (tests, which share one database). */
  userIds?: readonly string[];
}

export interface PlanResult {
  planned: number;
  jobs: number;
}

/** Keys inserted in one transaction: bounds its size and its lock time. */
const KEYS_PER_TRANSACTION = 1000;

interface DueMember {
  userId: string;
  frequency: DigestFrequency;
  key: string;
}

/** Zones whose local clock is in the digest hour now, with their clock. */
async function dueZones(now: Date): Promise<Map<string, LocalClock>> {
  const zones = await rows(
    db,
    sqlb
      .selectFrom("User as u")
      .select("u.timeZone")
      .distinct()
      .where("u.status", "=", sql<"ACTIVE">`'ACTIVE'`),
  );
  const due = new Map<string, LocalClock>();
  for (const { timeZone } of zones) {
    const clock = localClock(now, timeZone);
    if (dueFrequencies(clock).length > 0) due.set(timeZone, clock);
  }
  return due;
}

/** Active members in those zones whose digest choice is due there now (one statement). */
async function dueMembers(
  zones: Map<string, LocalClock>,
  userIds: readonly string[] | undefined,
): Promise<DueMember[]> {
  const members = await rows(
    db,
    sqlb
      .selectFrom("User as u")
      .leftJoin("NotificationPreference as p", (join) =>
        join.onRef("p.userId", "=", "u.id").on("p.kind", "=", "digest"),
      )
      .select(["u.id", "u.timeZone", "p.email"])
      .where((eb) =>
        eb.and([
          eb("u.status", "=", sql<"ACTIVE">`'ACTIVE'`),
          eb("u.timeZone", "in", [...zones.keys()]),
          ...(userIds ? [eb("u.id", "in", userIds.length ? [...userIds] : [""])] : []),
        ]),
      )
      .orderBy("u.id"),
  );
  return members.flatMap((member) => {
    const frequency = member.email ?? DEFAULT_EMAIL.digest;
    const clock = zones.get(member.timeZone)!;
    if (!isDigestFrequency(frequency) || !dueFrequencies(clock).includes(frequency)) return [];
    return [{ userId: member.id, frequency, key: digestKey(frequency, member.id, clock.date) }];
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts the keys and enqueues the digests of those newly inserted, in one transaction. */
async function planChunk(members: DueMember[], now: Date): Promise<PlanResult> {
  return db.$transaction(async (tx) => {
    const inserted = await rows(
      tx,
      sqlb
        .insertInto("ScheduledMailKey")
        .values(members.map((member) => ({ key: member.key })))
        .onConflict((conflict) => conflict.column("key").doNothing())
        .returning("key"),
    );
    const fresh = new Set(inserted.map((row) => row.key));
    let jobs = 0;
    for (const frequency of ["DAILY", "WEEKLY"] as const) {
      const userIds = members
        .filter((member) => member.frequency === frequency && fresh.has(member.key))
        .map((member) => member.userId);
      for (const batch of chunks(userIds, MEMBERS_PER_JOB)) {
        await enqueue(tx, sendDigestsQueue, {
          frequency,
          until: now.toISOString(),
          userIds: batch,
        });
        jobs++;
      }
    }
    return { planned: fresh.size, jobs };
  });
}

export async function planDigests(options: PlanOptions = {}): Promise<PlanResult> {
  const now = options.now ?? new Date();
  const zones = await dueZones(now);
  if (zones.size === 0) return { planned: 0, jobs: 0 };
  const members = await dueMembers(zones, options.userIds);
  const total: PlanResult = { planned: 0, jobs: 0 };
  for (const chunk of chunks(members, KEYS_PER_TRANSACTION)) {
    const result = await planChunk(chunk, now);
    total.planned += result.planned;
    total.jobs += result.jobs;
  }
  return total;
}
