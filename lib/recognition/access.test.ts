import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { mayApplaud, mayDeleteRecognition, mayEditRecognition, mayRecognise } from "./access";

const giver: Actor = { id: "giver", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };
const adminGiver: Actor = { id: "giver", role: "ADMIN" };

const now = new Date("2026-03-02T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("mayEditRecognition", () => {
  it.each([
    ["its giver, 14 minutes after", giver, { hidden: false, createdAt: minutesAgo(14) }, true],
    ["its giver, at 15 minutes exactly", giver, { hidden: false, createdAt: minutesAgo(15) }, true],
    ["its giver, 16 minutes after", giver, { hidden: false, createdAt: minutesAgo(16) }, false],
    ["its giver, once hidden", adminGiver, { hidden: true, createdAt: minutesAgo(1) }, false],
    ["another member", member, { hidden: false, createdAt: minutesAgo(1) }, false],
    ["a leader", leader, { hidden: false, createdAt: minutesAgo(1) }, false],
    ["an admin", admin, { hidden: false, createdAt: minutesAgo(1) }, false],
  ] as const)("%s", (_, actor, state, expected) => {
    expect(mayEditRecognition(actor, { giverId: "giver", ...state }, now)).toBe(expected);
  });
});

describe("mayDeleteRecognition", () => {
  it.each([
    ["its giver", giver, false, true],
    ["another member", member, false, false],
    ["a leader", leader, false, false],
    ["an admin who did not give it", admin, false, false],
    ["its giver, once hidden (they no longer see it)", giver, true, false],
    ["its giver who is an admin, once hidden (they still see it)", adminGiver, true, true],
  ] as const)("%s", (_, actor, hidden, expected) => {
    expect(mayDeleteRecognition(actor, { giverId: "giver", hidden })).toBe(expected);
  });
});

describe("mayRecognise", () => {
  it.each([
    ["a member, another active member", member, { id: "other", active: true }, true],
    ["a leader, another active member", leader, { id: "other", active: true }, true],
    ["a member, themselves", member, { id: "member", active: true }, false],
    ["an admin, themselves", admin, { id: "admin", active: true }, false],
    ["a member, a deactivated member", member, { id: "other", active: false }, false],
    ["a member, no member (an author gone)", member, null, false],
    ["a member, an answer with no author", member, { id: null, active: true }, false],
  ] as const)("%s", (_, actor, recipient, expected) => {
    expect(mayRecognise(actor, recipient)).toBe(expected);
  });
});

describe("mayApplaud", () => {
  it.each([
    ["another member", member, false, true],
    ["a leader", leader, false, true],
    ["its giver", giver, false, false],
    ["one of its recipients", member, true, false],
  ] as const)("%s", (_, actor, received, expected) => {
    expect(mayApplaud(actor, { giverId: "giver", received })).toBe(expected);
  });
});
