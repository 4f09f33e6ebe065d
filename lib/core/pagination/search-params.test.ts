import { describe, expect, it } from "vitest";
import { firstValues, hrefWith } from "./search-params";

describe("search params", () => {
  it("takes the first of repeated values", () => {
    expect(firstValues({ q: ["a", "b"], role: "ADMIN", status: undefined })).toEqual({
      q: "a",
      role: "ADMIN",
      status: undefined,
    });
  });

  it("builds a link that keeps the other filters and drops emptied ones", () => {
    const current = { q: "ann smith", role: "LEADER", cursor: "abc" };
    expect(hrefWith("/admin/members", current, { cursor: null })).toBe(
      "/admin/members?q=ann+smith&role=LEADER",
    );
    expect(hrefWith("/admin/members", {}, { cursor: undefined })).toBe("/admin/members");
  });
});
