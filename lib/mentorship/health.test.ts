// A pairing's health at the edges of its check-in window, and HEALTH_SQL (used by the
// programme's filter and sort) agreeing with pairingHealth on rows in the database.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createPairing } from "@/test/factories-mentorship";
import {
  HEALTH_SQL,
  nextCheckInDue,
  pairingHealth,
  utcDay,
  type HealthInput,
  type PairingHealth,
} from "./health";
import { MENTORSHIP_LIMITS } from "./limits";

const DAY = 86_400_000;
const GRACE = MENTORSHIP_LIMITS.graceDays;
const start = new Date("2031-03-10T00:00:00Z");
const plus = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

const active = (overrides: Partial<HealthInput> = {}): HealthInput => ({
  status: "ACTIVE",
  startsOn: start,
  lastCheckInOn: null,
  cadenceDays: 14,
  ...overrides,
});

describe("pairingHealth", () => {
  const due = plus(start, 14);

  it.each([
    ["the start day", 0, "on-track"],
    ["the day before it is due", 13, "on-track"],
    ["the day it is due", 14, "on-track"],
    ["the day after it is due", 15, "due"],
    [`the last day of the ${GRACE}-day grace period`, 14 + GRACE, "due"],
    ["the day after the grace period", 15 + GRACE, "overdue"],
    ["long after", 400, "overdue"],
  ] as const)("counts from the start: %s is %s", (_name, days, health) => {
    expect(pairingHealth(active(), plus(start, days))).toBe(health);
  });

  it("reads any time of the day as that UTC day", () => {
    expect(pairingHealth(active(), new Date(due.getTime() + DAY - 1))).toBe("on-track");
    expect(pairingHealth(active(), new Date(due.getTime() + DAY))).toBe("due");
  });

  it("counts from the last check-in when there is one", () => {
    const pairing = active({ lastCheckInOn: plus(start, 30), cadenceDays: 7 });
    expect(nextCheckInDue(pairing)).toEqual(plus(start, 37));
    expect(pairingHealth(pairing, plus(start, 37))).toBe("on-track");
    expect(pairingHealth(pairing, plus(start, 38))).toBe("due");
    expect(pairingHealth(pairing, plus(start, 37 + GRACE))).toBe("due");
    expect(pairingHealth(pairing, plus(start, 38 + GRACE))).toBe("overdue");
  });

  it("is paused or closed whatever the dates say", () => {
    const long = plus(start, 400);
    expect(pairingHealth(active({ status: "PAUSED" }), long)).toBe("paused");
    expect(pairingHealth(active({ status: "COMPLETED" }), long)).toBe("closed");
    expect(pairingHealth(active({ status: "ENDED" }), long)).toBe("closed");
    expect(pairingHealth(active({ status: "ENDED" }), start)).toBe("closed");
  });

  it("computes the due day from the cadence", () => {
    expect(nextCheckInDue(active())).toEqual(due);
    expect(utcDay(new Date("2031-03-10T23:59:59Z"))).toEqual(start);
  });
});

/** HEALTH_SQL for the given rows on `today`, as the database computes it. */
async function sqlHealth(ids: string[], today: Date) {
  const day = today.toISOString().slice(0, 10);
  const health = Prisma.raw(HEALTH_SQL.replaceAll("$TODAY", `DATE '${day}'`));
  const rows = await testDb.$queryRaw<{ id: string; health: PairingHealth }[]>`
    SELECT p."id", ${health} AS "health" FROM "MentorPairing" p WHERE p."id" IN (${Prisma.join(ids)})`;
  return new Map(rows.map((row) => [row.id, row.health]));
}

describe("HEALTH_SQL", () => {
  it("agrees with pairingHealth on pairings in the database, at every edge", async () => {
    const mentor = await createMember();
    const mentee = await createMember();
    const statuses: PairingStatus[] = ["ACTIVE", "PAUSED", "COMPLETED", "ENDED"];
    const shapes: { cadenceDays: number; lastCheckInOn: Date | null }[] = [
      { cadenceDays: 14, lastCheckInOn: null },
      { cadenceDays: 7, lastCheckInOn: plus(start, 10) },
      { cadenceDays: 3, lastCheckInOn: plus(start, 2) },
      { cadenceDays: 90, lastCheckInOn: null },
    ];
    const pairings = [];
    for (const status of statuses) {
      for (const shape of shapes) {
        pairings.push(
          await createPairing(mentor.id, mentee.id, { status, startsOn: start, ...shape }),
        );
      }
    }
    const ids = pairings.map((p) => p.id);
    // Every pairing's due day, the day after, the grace period's last day and the day after.
    const edges = new Set<number>([plus(start, -1).getTime(), start.getTime()]);
    for (const shape of shapes) {
      const due = nextCheckInDue(active(shape));
      for (const offset of [-1, 0, 1, GRACE, GRACE + 1]) edges.add(plus(due, offset).getTime());
    }
    const seen = new Set<PairingHealth>();
    for (const edge of edges) {
      const today = new Date(edge);
      const fromSql = await sqlHealth(ids, today);
      for (const pairing of pairings) {
        const expected = pairingHealth(pairing, today);
        seen.add(expected);
        expect({ id: pairing.id, today, health: fromSql.get(pairing.id) }).toEqual({
          id: pairing.id,
          today,
          health: expected,
        });
      }
    }
    expect([...seen].sort()).toEqual(["closed", "due", "on-track", "overdue", "paused"]);
  });
});
