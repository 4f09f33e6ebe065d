import { describe, expect, it } from "vitest";
import { avatarUrl, avatarVariantFor, initialsOf } from "./avatar-sizes";

describe("avatar sizes", () => {
  it("sends the smallest stored size that is sharp at twice the display width", () => {
    expect(avatarVariantFor(20)).toBe(48);
    expect(avatarVariantFor(24)).toBe(48);
    expect(avatarVariantFor(32)).toBe(96);
    expect(avatarVariantFor(48)).toBe(96);
    expect(avatarVariantFor(64)).toBe(256);
    expect(avatarVariantFor(400)).toBe(256);
    expect(avatarUrl("abc", 24)).toBe("/files/abc?w=48");
  });

  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Ada Lovelace")).toBe("AL");
    expect(initialsOf("  grace  brewster murray hopper ")).toBe("GH");
    expect(initialsOf("Plato")).toBe("P");
    expect(initialsOf("Ödön von Horváth")).toBe("ÖH");
    expect(initialsOf("")).toBe("?");
  });
});
