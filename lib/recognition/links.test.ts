// Reading the link a recognition points at: same-site paths only, to the items that can be
// thanked for.
import { describe, expect, it } from "vitest";
import { linkColumns, parseRecognitionLink } from "./links";

describe("recognition links", () => {
  it("reads discussions, replies (page or anchor), posts and sessions", () => {
    expect(parseRecognitionLink("/discussions/d1")).toEqual({
      type: "discussion",
      discussionId: "d1",
    });
    const reply = { type: "reply", discussionId: "d1", replyId: "r1" };
    expect(parseRecognitionLink("/discussions/d1/replies/r1")).toEqual(reply);
    expect(parseRecognitionLink("/discussions/d1?sort=new#reply-r1")).toEqual(reply);
    expect(parseRecognitionLink(" /posts/p1/?ref=feed#comments ")).toEqual({
      type: "post",
      postId: "p1",
    });
    expect(parseRecognitionLink("/sessions/s1")).toEqual({ type: "session", sessionId: "s1" });
    expect(parseRecognitionLink("/mentorship/m1")).toEqual({
      type: "mentorship",
      pairingId: "m1",
    });
  });

  it("reads a full address on this site, as pasted from the address bar", () => {
    const site = "https://learning.example.org";
    expect(
      parseRecognitionLink("https://learning.example.org/discussions/d1?cursor=x#reply-r1", site),
    ).toEqual({ type: "reply", discussionId: "d1", replyId: "r1" });
    expect(parseRecognitionLink(" HTTPS://Learning.Example.org/posts/p1/ ", `${site}/`)).toEqual({
      type: "post",
      postId: "p1",
    });
    for (const raw of [
      "https://learning.example.org.evil.test/posts/p1",
      "http://learning.example.org/posts/p1",
      "https://learning.example.org:8443/posts/p1",
      "https://user@evil.test/posts/p1",
      "https://learning.example.org/members/m1",
      "javascript:alert(1)//learning.example.org/posts/p1",
    ]) {
      expect(parseRecognitionLink(raw, site), raw).toBeNull();
    }
    // Without a known site, only paths are read.
    expect(parseRecognitionLink("https://learning.example.org/posts/p1")).toBeNull();
  });

  it("refuses other sites, other pages and odd ids", () => {
    for (const raw of [
      "https://example.com/posts/p1",
      "//example.com/posts/p1",
      "posts/p1",
      "/posts",
      "/posts/p1/edit",
      "/mentorship",
      "/members/m1",
      "/posts/p 1",
      "/posts/../admin",
      `/posts/${"x".repeat(41)}`,
    ]) {
      expect(parseRecognitionLink(raw), raw).toBeNull();
    }
  });

  it("sets the matching columns, and the reply's discussion", () => {
    expect(linkColumns({ type: "reply", discussionId: "d1", replyId: "r1" })).toEqual({
      discussionId: "d1",
      replyId: "r1",
      postId: null,
      sessionId: null,
      pairingId: null,
    });
    expect(linkColumns(null)).toEqual({
      discussionId: null,
      replyId: null,
      postId: null,
      sessionId: null,
      pairingId: null,
    });
  });
});
