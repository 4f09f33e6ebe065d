import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { mayReport } from "./access";

const author: Actor = { id: "author", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const admin: Actor = { id: "admin", role: "ADMIN" };
const adminAuthor: Actor = { id: "author", role: "ADMIN" };

describe("mayReport", () => {
  it.each([
    ["another member", member, true],
    ["an admin who did not write it", admin, true],
    ["its author", author, false],
    ["its author who is an admin", adminAuthor, false],
  ] as const)("%s", (_, actor, expected) => {
    expect(mayReport(actor, { authorId: "author" })).toBe(expected);
  });
});
