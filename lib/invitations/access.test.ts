import { describe, expect, it } from "vitest";
import { mayReissueOrRevoke } from "./access";

describe("mayReissueOrRevoke", () => {
  it.each([
    ["pending", true],
    ["expired", true],
    ["accepted", false],
    ["revoked", false],
  ] as const)("an invitation that is %s: %s", (status, expected) => {
    expect(mayReissueOrRevoke({ status })).toBe(expected);
  });
});
