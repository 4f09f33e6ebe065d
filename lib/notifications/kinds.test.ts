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
