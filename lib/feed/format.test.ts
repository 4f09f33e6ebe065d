// The counts a feed card writes ("1 reply", "1,200 replies"). Feed times: lib/core/relative-time.
import { describe, expect, it } from "vitest";
import { plural as countLabel } from "@/lib/core/format";

describe("countLabel", () => {
  it("says one or many", () => {
    expect(countLabel(1, "reply", "replies")).toBe("1 reply");
    expect(countLabel(1200, "reply", "replies")).toBe("1,200 replies");
  });
});
