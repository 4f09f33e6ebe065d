import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import {
  choosesAcceptedAnswer,
  mayAcceptAnswer,
  mayChangeDiscussion,
  mayChangeReply,
  type AnswerableQuestion,
} from "./access";

const asker: Actor = { id: "asker", role: "MEMBER" };
const member: Actor = { id: "member", role: "MEMBER" };
const leader: Actor = { id: "leader", role: "LEADER" };
const admin: Actor = { id: "admin", role: "ADMIN" };

const question: AnswerableQuestion = { authorId: "asker", kind: "QUESTION", deleted: false };

describe("mayAcceptAnswer", () => {
  it.each([
    ["the asker, on their open question", asker, question, true],
    ["an admin, on someone's question", admin, question, true],
    ["another member", member, question, false],
    ["a leader who did not ask", leader, question, false],
    ["the asker, on a plain discussion", asker, { ...question, kind: "DISCUSSION" }, false],
    ["an admin, on a plain discussion", admin, { ...question, kind: "DISCUSSION" }, false],
    ["the asker, once the question is deleted", asker, { ...question, deleted: true }, false],
    ["an admin, once the question is deleted", admin, { ...question, deleted: true }, false],
  ] as const)("%s", (_, actor, record, expected) => {
    expect(mayAcceptAnswer(actor, record)).toBe(expected);
  });

  it("says who chooses apart from whether the question takes an answer", () => {
    expect(choosesAcceptedAnswer(asker, { authorId: "asker" })).toBe(true);
    expect(choosesAcceptedAnswer(admin, question)).toBe(true);
    expect(choosesAcceptedAnswer(leader, question)).toBe(false);
  });
});

describe("mayChangeDiscussion and mayChangeReply", () => {
  it.each([
    ["its author", asker, true],
    ["another member", member, false],
    ["a leader", leader, false],
    ["an admin (moderators hide, they do not edit)", admin, false],
  ] as const)("%s", (_, actor, expected) => {
    expect(mayChangeDiscussion(actor, { authorId: "asker" })).toBe(expected);
    expect(mayChangeReply(actor, { authorId: "asker" })).toBe(expected);
  });
});
