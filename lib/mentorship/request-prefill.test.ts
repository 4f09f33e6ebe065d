// The mentor request note's prefill from ?learn=: a usable skill name, or nothing.
import { describe, expect, it } from "vitest";
import { mentorRequestNotePrefill } from "./request-prefill";

describe("mentorRequestNotePrefill", () => {
  it("turns a skill name into a note", () => {
    expect(mentorRequestNotePrefill({ learn: " Rust " })).toBe(
      "I'd like a mentor to help me learn Rust.",
    );
  });

  it("leaves the note empty for a missing, blank, too long or control-character name", () => {
    for (const learn of [undefined, "", "   ", "x".repeat(101), "a\u0000b", "a\nb"]) {
      expect(mentorRequestNotePrefill({ learn })).toBe("");
    }
  });
});
