import { describe, expect, it } from "vitest";
import { isSameSitePath, renderNotification } from "./kinds";

describe("renderNotification", () => {
  it("renders a role change with the actor's name", () => {
    expect(
      renderNotification("member.role_changed", { role: "LEADER" }, { actorName: "Ada Admin" }),
    ).toEqual({ text: "Ada Admin made you a Leader", href: "/account" });
    expect(
      renderNotification("member.role_changed", { role: "ADMIN" }, { actorName: "Ada Admin" }).text,
    ).toBe("Ada Admin made you an Admin");
  });

  it("renders a role change whose actor is gone", () => {
    expect(
      renderNotification("member.role_changed", { role: "MEMBER" }, { actorName: null }).text,
    ).toBe("Your role is now Member");
  });

  it("falls back to a generic line for an unknown kind or stale data", () => {
    const fallback = { text: "You have a notification", href: "/notifications" };
    expect(renderNotification("gone.kind", {}, { actorName: null })).toEqual(fallback);
    expect(renderNotification("toString", {}, { actorName: null })).toEqual(fallback);
    expect(
      renderNotification("member.role_changed", { role: "OWNER" }, { actorName: null }),
    ).toEqual(fallback);
  });
});

describe("knowledge-sharing kinds", () => {
  const context = { actorName: "Mia Member" };

  it("links a reply and an accepted answer to the reply's anchor", () => {
    const data = { discussionId: "d1", replyId: "r1", title: "How do we pair?" };
    expect(renderNotification("discussion.replied", data, context)).toEqual({
      text: "Mia Member replied to “How do we pair?”",
      href: "/discussions/d1/replies/r1",
    });
    expect(renderNotification("answer.accepted", data, context).text).toBe(
      "Mia Member accepted your answer to “How do we pair?”",
    );
  });

  it("links a comment to its anchor on the post", () => {
    const data = { postId: "p1", commentId: "c1", title: "Retro notes" };
    expect(renderNotification("post.commented", data, context).href).toBe("/posts/p1#comment-c1");
  });

  it("refuses a mention or tag notification whose path leaves the site", () => {
    const fallback = { text: "You have a notification", href: "/notifications" };
    expect(
      renderNotification("content.mentioned", { title: "x", path: "//evil.example" }, context),
    ).toEqual(fallback);
    expect(
      renderNotification(
        "tag.new_content",
        { tagName: "testing", title: "Flaky tests", path: "/posts/p1" },
        context,
      ),
    ).toEqual({ text: "Mia Member posted “Flaky tests” in #testing", href: "/posts/p1" });
  });
});

describe("isSameSitePath", () => {
  it.each(["/", "/account", "/discussions/abc?x=1#y"])("accepts %s", (href) => {
    expect(isSameSitePath(href)).toBe(true);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "account",
    "/a b",
    "",
  ])("refuses %s", (href) => {
    expect(isSameSitePath(href)).toBe(false);
  });
});
