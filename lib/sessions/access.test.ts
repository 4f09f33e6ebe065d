import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { SESSION_LIMITS } from "./limits";
import {
  hostsSession,
  mayCancelSession,
  mayChangeSession,
  mayCompleteSession,
  mayCheckIn,
  mayRecordAttendance,
  mayTickActionItem,
} from "./access";

const host: Actor = { id: "host", role: "MEMBER" };
const coHost: Actor = { id: "co-host", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };
const hostIds = ["host", "co-host"];

const now = new Date("2026-03-02T12:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const early = SESSION_LIMITS.checkInEarlyMinutes;

describe("mayChangeSession", () => {
  it.each([
    ["its host", host, "SCHEDULED", true],
    ["its co-host", coHost, "SCHEDULED", true],
    ["a leader who does not host it", leader, "SCHEDULED", true],
    ["an admin", admin, "COMPLETED", true],
    ["a member who does not host it", member, "SCHEDULED", false],
    ["its host, once cancelled", host, "CANCELLED", false],
    ["a leader, once cancelled", leader, "CANCELLED", false],
  ] as const)("%s", (_, actor, status, expected) => {
    expect(mayChangeSession(actor, { hostIds, status })).toBe(expected);
  });
});

describe("mayRecordAttendance", () => {
  it.each([
    ["its host, as check-in opens", host, minutes(early), "SCHEDULED", true],
    ["its co-host, after the session", coHost, minutes(-120), "COMPLETED", true],
    ["a leader, during it", leader, minutes(-10), "SCHEDULED", true],
    ["its host, before check-in opens", host, minutes(early + 1), "SCHEDULED", false],
    ["its host, once cancelled", host, minutes(-10), "CANCELLED", false],
    ["a member who does not host it", member, minutes(-10), "SCHEDULED", false],
  ] as const)("%s", (_, actor, startsAt, status, expected) => {
    expect(mayRecordAttendance(actor, { hostIds, status, startsAt }, now)).toBe(expected);
  });
});

describe("mayTickActionItem", () => {
  it.each([
    ["its owner, who does not host", member, "member", true],
    ["the session's host", host, "member", true],
    ["a leader", leader, "member", true],
    ["another member", member, "someone-else", false],
  ] as const)("%s", (_, actor, ownerId, expected) => {
    expect(mayTickActionItem(actor, { ownerId }, { hostIds })).toBe(expected);
  });
});

describe("hostsSession", () => {
  it.each([
    ["its host", host, true],
    ["its co-host", coHost, true],
    ["a leader who does not host it", leader, false],
    ["a member", member, false],
  ] as const)("%s", (_, actor, expected) => {
    expect(hostsSession(actor, hostIds)).toBe(expected);
  });
});

describe("mayCheckIn", () => {
  const open = { startsAt: minutes(5), endsAt: minutes(65), status: "SCHEDULED" } as const;
  it.each([
    ["going, as check-in opens", "GOING", { ...open, startsAt: minutes(early) }, true],
    ["going, at the very end", "GOING", { ...open, startsAt: minutes(-60), endsAt: now }, true],
    ["going, too early", "GOING", { ...open, startsAt: minutes(early + 1) }, false],
    [
      "going, after the end",
      "GOING",
      { ...open, startsAt: minutes(-61), endsAt: minutes(-1) },
      false,
    ],
    ["going, but cancelled", "GOING", { ...open, status: "CANCELLED" }, false],
    ["on the waitlist", "WAITLISTED", open, false],
    ["not going", "NOT_GOING", open, false],
    ["no answer", null, open, false],
  ] as const)("%s", (_, status, session, expected) => {
    expect(mayCheckIn(status ? { status } : null, session, now)).toBe(expected);
  });
});

describe("mayCancelSession and mayCompleteSession", () => {
  const upcoming = {
    hostIds,
    status: "SCHEDULED",
    startsAt: minutes(60),
    endsAt: minutes(120),
  } as const;
  const running = {
    hostIds,
    status: "SCHEDULED",
    startsAt: minutes(-30),
    endsAt: minutes(30),
  } as const;
  const over = {
    hostIds,
    status: "SCHEDULED",
    startsAt: minutes(-120),
    endsAt: minutes(-60),
  } as const;
  it.each([
    ["its host, an upcoming session", host, upcoming, true, false],
    ["its host, a running session", host, running, true, true],
    ["a leader, a session that is over", leader, over, false, true],
    [
      "its host, a completed session still running",
      host,
      { ...running, status: "COMPLETED" },
      false,
      false,
    ],
    ["its host, a cancelled session", host, { ...running, status: "CANCELLED" }, false, false],
    ["a member who does not host it", member, running, false, false],
  ] as const)("%s", (_, actor, session, cancel, complete) => {
    expect(mayCancelSession(actor, session, now)).toBe(cancel);
    expect(mayCompleteSession(actor, session, now)).toBe(complete);
  });
});
