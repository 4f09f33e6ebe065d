import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tagListSchema, tagSlug } from "./schemas";

const form = z.object({ tags: tagListSchema });

describe("tags", () => {
  it("normalises spelling into one slug", () => {
    expect(tagSlug(" #Incident  Review ")).toBe("incident-review");
    expect(tagSlug("C#")).toBe("c#");
  });

  it("reads a comma-separated box, dropping empties and repeats", () => {
    expect(form.parse({ tags: "testing, Testing ,, #pairing" }).tags).toEqual([
      "testing",
      "pairing",
    ]);
    expect(form.parse({}).tags).toEqual([]);
  });

  it("reports problems on the tags field", () => {
    for (const tags of ["a,b,c,d,e,f", "x".repeat(31), "!!!"]) {
      const result = form.safeParse({ tags });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["tags"]);
    }
  });
});
