import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { mayCloseSurvey, mayRunSurveyAgain } from "./access";

const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };

describe("mayCloseSurvey", () => {
  it.each([
    ["a leader, an open survey", leader, "open", true],
    ["an admin, a scheduled survey", admin, "scheduled", true],
    ["a leader, a closed survey", leader, "closed", false],
    ["a member, an open survey", member, "open", false],
  ] as const)("%s", (_, actor, status, expected) => {
    expect(mayCloseSurvey(actor, { status })).toBe(expected);
  });
});

describe("mayRunSurveyAgain", () => {
  it.each([
    ["a leader, a closed survey without a next round", leader, "closed", false, true],
    ["an admin, a closed survey without a next round", admin, "closed", false, true],
    ["a leader, a closed survey that has a next round", leader, "closed", true, false],
    ["a leader, an open survey", leader, "open", false, false],
    ["a leader, a scheduled survey", leader, "scheduled", false, false],
    ["a member, a closed survey", member, "closed", false, false],
  ] as const)("%s", (_, actor, status, hasNextRound, expected) => {
    expect(mayRunSurveyAgain(actor, { status, hasNextRound })).toBe(expected);
  });
});
