import { describe, expect, it } from "vitest";
import { referencesOf } from "./mail-access";

describe("referencesOf", () => {
  it("reads ids from a notification's data and its path", () => {
    expect(referencesOf({ discussionId: "d1", replyId: "r1", title: "x" })).toEqual({
      discussionId: "d1",
      replyId: "r1",
    });
    expect(referencesOf({ title: "x", path: "/discussions/d1/replies/r1" })).toEqual({
      discussionId: "d1",
      replyId: "r1",
    });
    expect(referencesOf({ title: "x", path: "/posts/p1#comment-c1" })).toEqual({
      postId: "p1",
      commentId: "c1",
    });
    expect(referencesOf({ feedbackId: "f1" })).toEqual({ feedbackId: "f1" });
    expect(referencesOf({ role: "LEADER" })).toEqual({});
    expect(referencesOf(null)).toEqual({});
  });
});
