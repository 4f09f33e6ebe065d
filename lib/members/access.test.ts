import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { mayEditProfile } from "./access";

describe("mayEditProfile", () => {
  it.each([
    ["a member, their own profile", { id: "me", role: "MEMBER" }, "me", true],
    ["a member, someone else's", { id: "me", role: "MEMBER" }, "other", false],
    ["a leader, someone else's", { id: "lead", role: "LEADER" }, "other", false],
    ["an admin, someone else's", { id: "admin", role: "ADMIN" }, "other", false],
  ] as const satisfies readonly (readonly [string, Actor, string, boolean])[])(
    "%s",
    (_, actor, memberId, expected) => {
      expect(mayEditProfile(actor, { id: memberId })).toBe(expected);
    },
  );
});
