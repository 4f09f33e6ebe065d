import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { isProposer, mayWithdrawProposal } from "./access";

const proposer: Actor = { id: "proposer", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };

describe("mayWithdrawProposal", () => {
  it.each([
    ["its proposer, while open", proposer, "OPEN", true],
    ["another member", member, "OPEN", false],
    ["a leader (leaders decline, they do not withdraw)", leader, "OPEN", false],
    ["an admin", admin, "OPEN", false],
    ["its proposer, once scheduled", proposer, "SCHEDULED", false],
    ["its proposer, once declined", proposer, "DECLINED", false],
  ] as const)("%s", (_, actor, status, expected) => {
    expect(mayWithdrawProposal(actor, { proposerId: "proposer", status })).toBe(expected);
  });

  it("tells the proposer apart from whether the proposal is still open", () => {
    expect(isProposer(proposer, { proposerId: "proposer" })).toBe(true);
    expect(isProposer(leader, { proposerId: "proposer" })).toBe(false);
  });
});
