import { describe, expect, it } from "vitest";
import { prefixTsQuery, searchWords } from "./search-query";

describe("prefixTsQuery", () => {
  it("makes every word a prefix match, all required", () => {
    expect(prefixTsQuery("Priya  Nai")).toBe("'priya':* & 'nai':*");
  });

  it("drops everything but letters, digits and inner dots", () => {
    expect(prefixTsQuery(`"c++ & (|`)).toBe("'c':*");
    expect(prefixTsQuery("node.js, C# ...")).toBe("'node.js':* & 'c':*");
    expect(prefixTsQuery("o'brien")).toBe("'o':* & 'brien':*");
    expect(prefixTsQuery("Tomás")).toBe("'tomás':*");
  });

  it("returns null when nothing searchable is left", () => {
    expect(prefixTsQuery("")).toBeNull();
    expect(prefixTsQuery(" & | ! ( ) : * ' \" ... ")).toBeNull();
  });

  it("bounds the number and length of words", () => {
    expect(searchWords("a b c d e f g h i j k")).toHaveLength(8);
    expect(searchWords("x".repeat(100))[0]).toHaveLength(40);
  });
});
