import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, toPage } from "./cursor";

const key = z.tuple([z.string(), z.string()]);

describe("cursor pagination", () => {
  it("round-trips a sort key", () => {
    expect(decodeCursor(encodeCursor(["Ada", "id1"]), key)).toEqual(["Ada", "id1"]);
  });

  it("treats malformed cursors as the first page", () => {
    expect(decodeCursor("not base64 json", key)).toBeNull();
    expect(decodeCursor(encodeCursor([1, 2]), key)).toBeNull();
    expect(decodeCursor("x".repeat(600), key)).toBeNull();
  });

  it("returns a next cursor only when there is one more row than the page", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(toPage(rows, 2, (r) => [r.id])).toEqual({
      items: rows.slice(0, 2),
      nextCursor: encodeCursor(["b"]),
    });
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
  });
});
