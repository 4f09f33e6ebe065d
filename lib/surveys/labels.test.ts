import { describe, expect, it } from "vitest";
import { averageMeaning } from "./labels";

describe("averageMeaning", () => {
  it("names the answer an average is nearest to, halves rounding up", () => {
    expect(averageMeaning(1)).toBe("Strongly disagree");
    expect(averageMeaning(2.49)).toBe("Disagree");
    expect(averageMeaning(2.5)).toBe("Neither agree nor disagree");
    expect(averageMeaning(3.8)).toBe("Agree");
    expect(averageMeaning(4.5)).toBe("Strongly agree");
    expect(averageMeaning(5)).toBe("Strongly agree");
  });
});
