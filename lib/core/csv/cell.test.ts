import { describe, expect, it } from "vitest";
import { csvCell } from "./cell";

describe("csvCell", () => {
  it("quotes every cell and defuses spreadsheet formulas", () => {
    expect(csvCell('Smith, "Jo"\nline')).toBe('"Smith, ""Jo""\nline"');
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-1")).toBe(`"'-1"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\tTab")).toBe(`"'\tTab"`);
    expect(csvCell("plain")).toBe('"plain"');
  });
});
