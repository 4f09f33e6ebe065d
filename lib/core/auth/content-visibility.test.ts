import { describe, expect, it } from "vitest";
import { seesHiddenContent } from "./content-visibility";

describe("seesHiddenContent", () => {
  it.each([
    [{ role: "ADMIN" as const }, true],
    [{ role: "LEADER" as const }, false],
    [{ role: "MEMBER" as const }, false],
    [null, false],
    [undefined, false],
  ])("for %o is %s", (viewer, expected) => {
    expect(seesHiddenContent(viewer)).toBe(expected);
  });
});
