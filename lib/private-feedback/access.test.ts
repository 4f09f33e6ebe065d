import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { maySendPrivateFeedback } from "./access";

const giver: Actor = { id: "giver", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };

describe("maySendPrivateFeedback", () => {
  it.each([
    ["a member, to another active member", giver, { id: "other", active: true }, true],
    ["a leader, to an active member", leader, { id: "other", active: true }, true],
    ["an admin, to an active member", admin, { id: "other", active: true }, true],
    ["a member, to themselves", giver, { id: "giver", active: true }, false],
    ["an admin, to themselves", admin, { id: "admin", active: true }, false],
    ["a member, to a deactivated member", giver, { id: "other", active: false }, false],
    ["an admin, to a deactivated member", admin, { id: "other", active: false }, false],
  ] as const)("%s", (_, actor, recipient, expected) => {
    expect(maySendPrivateFeedback(actor, recipient)).toBe(expected);
  });
});
