import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { mayChangeComment, mayChangePost, mayVoteHelpful } from "./access";

const author: Actor = { id: "author", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };
const adminAuthor: Actor = { id: "author", role: "ADMIN" };

describe("mayChangePost", () => {
  it.each([
    ["its author", author, { authorId: "author", hidden: false }, true],
    ["another member", member, { authorId: "author", hidden: false }, false],
    ["a leader", leader, { authorId: "author", hidden: false }, false],
    ["an admin", admin, { authorId: "author", hidden: false }, false],
    ["its author, once moderation hid it", author, { authorId: "author", hidden: true }, false],
    [
      "its author who is an admin, once hidden",
      adminAuthor,
      { authorId: "author", hidden: true },
      false,
    ],
  ] as const)("%s", (_, actor, post, expected) => {
    expect(mayChangePost(actor, post)).toBe(expected);
  });
});

describe("mayVoteHelpful", () => {
  it.each([
    ["another member", member, true],
    ["an admin", admin, true],
    ["its author", author, false],
    ["its author who is an admin", adminAuthor, false],
  ] as const)("%s", (_, actor, expected) => {
    expect(mayVoteHelpful(actor, { authorId: "author" })).toBe(expected);
  });
});

describe("mayChangeComment", () => {
  it.each([
    ["its author", author, true],
    ["another member", member, false],
    ["a leader", leader, false],
    ["an admin (moderators hide, they do not edit)", admin, false],
  ] as const)("%s", (_, actor, expected) => {
    expect(mayChangeComment(actor, { authorId: "author" })).toBe(expected);
  });
});
