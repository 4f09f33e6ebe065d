import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { SESSION_LIMITS } from "./limits";
import { mayChangeSession, mayRecordAttendance, mayTickActionItem } from "./access";

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
