import { describe, expect, it } from "vitest";
import { mayChangeRoleOrStatusOf } from "./access";

describe("mayChangeRoleOrStatusOf", () => {
  it.each([
    ["another member", { id: "member" }, true],
    ["another admin", { id: "other-admin" }, true],
    ["the admin themselves", { id: "admin" }, false],
  ] as const)("%s", (_, member, expected) => {
    expect(mayChangeRoleOrStatusOf({ id: "admin" }, member)).toBe(expected);
  });
});
