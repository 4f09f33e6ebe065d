import { describe, expect, it } from "vitest";
import { plural as countLabel } from "@/lib/core/format";
import { relativeTime } from "./format";

describe("relativeTime", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("is relative for the last week", () => {
    expect(relativeTime(ago(10_000), now, "UTC")).toBe("just now");
    expect(relativeTime(ago(5 * 60_000), now, "UTC")).toBe("5 minutes ago");
    expect(relativeTime(ago(3 * 3_600_000), now, "UTC")).toBe("3 hours ago");
    expect(relativeTime(ago(86_400_000), now, "UTC")).toBe("yesterday");
    expect(relativeTime(ago(2 * 86_400_000), now, "UTC")).toBe("2 days ago");
  });

  it("is a date in the member's time zone after that, or in the future", () => {
    expect(relativeTime(new Date("2026-02-01T23:30:00Z"), now, "Asia/Tokyo")).toBe("2 Feb 2026");
    expect(relativeTime(new Date("2026-04-01T00:00:00Z"), now, "Not/AZone")).toBe("1 Apr 2026");
  });
});

describe("countLabel", () => {
  it("says one or many", () => {
    expect(countLabel(1, "reply", "replies")).toBe("1 reply");
    expect(countLabel(1200, "reply", "replies")).toBe("1,200 replies");
  });
});
