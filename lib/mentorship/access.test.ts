import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { mayWriteInSpace } from "./access";

const mentor: Actor = { id: "mentor", role: "MEMBER" };
const mentee: Actor = { id: "mentee", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };
const pair = { mentorId: "mentor", menteeId: "mentee" };

describe("mayWriteInSpace", () => {
  it.each([
    ["its mentor, while active", mentor, "ACTIVE", true],
    ["its mentee, while paused", mentee, "PAUSED", true],
    ["its mentor, once completed", mentor, "COMPLETED", false],
    ["its mentee, once ended", mentee, "ENDED", false],
    ["another member", member, "ACTIVE", false],
    ["a leader", leader, "ACTIVE", false],
    ["an admin (admins read a space, they do not write in it)", admin, "ACTIVE", false],
  ] as const)("%s", (_, actor, status, expected) => {
    expect(mayWriteInSpace(actor, { ...pair, status })).toBe(expected);
  });
});
